import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.ts';

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

const tooLarge = (maxBytes: number) =>
  new AppError(413, 'payload_too_large', `file: larger than ${megabytes(maxBytes)}`, [
    { field: 'file', problem: `larger than ${megabytes(maxBytes)}` },
  ]);

/**
 * Lets the plugin's routes take a file as the request body itself (imports: CSV, .xlsx), read whole up
 * to `maxBytes`. A larger file is refused with a 413 that says the limit ("file: larger than 5 MB"),
 * from its declared length before anything is read, or as soon as it grows past the limit.
 */
export function acceptFileUploads(app: FastifyInstance, mediaTypes: string[], maxBytes: number): void {
  app.addContentTypeParser(mediaTypes, (request, payload, done) => {
    if (Number(request.headers['content-length'] ?? 0) > maxBytes) {
      done(tooLarge(maxBytes));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let finished = false;
    const finish = (error: Error | null, body?: Buffer) => {
      if (finished) return;
      finished = true;
      done(error, body);
    };
    payload.on('data', (chunk: Buffer) => {
      if (finished) return;
      size += chunk.length;
      if (size > maxBytes) finish(tooLarge(maxBytes));
      else chunks.push(chunk);
    });
    payload.on('end', () => finish(null, Buffer.concat(chunks)));
    payload.on('error', (error: Error) => finish(error));
  });
}

/** The uploaded file's bytes; a body of another media type (JSON, a form) is a 415 naming the right ones. */
export function uploadedBytes(body: unknown, mediaTypes: string[]): Buffer {
  if (Buffer.isBuffer(body)) return body;
  throw new AppError(
    415,
    'unsupported_media_type',
    `file: send the file itself as the body, with content-type ${mediaTypes.join(', ')}`,
  );
}
