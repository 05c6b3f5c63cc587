import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, invalid } from '../../server/errors.ts';
import { actingUser } from './acting-user.ts';
import { openStoredFile, storeUpload } from './files.service.ts';

const tags = ['reports: evidence files'];

/** ASCII fallback for old clients; the real name travels in filename* (RFC 6266). */
function contentDisposition(name: string): string {
  const ascii =
    name
      .normalize('NFD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\]/g, '_') || 'file';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export const fileRoutes: FastifyPluginAsyncZod = async (app) => {
  // The upload body is the file itself, streamed and counted as it arrives, so the size limit holds
  // before the whole body is read (at most 20 MB is held). Scoped to this plugin; other routes keep
  // Fastify's parsers.
  app.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

  app.post(
    '/files',
    {
      config: { policy: 'reports.draft' },
      schema: {
        tags,
        summary: 'Upload an evidence file (body = the file; PDF, Word, Excel, images; at most 20 MB)',
        querystring: z.object({ name: z.string().min(1).max(255) }),
        response: { 201: z.object({ id: z.number().int(), mime: z.string(), sizeBytes: z.number().int() }) },
      },
    },
    async (request, reply) => {
      const who = actingUser(request);
      if (!(request.body instanceof Readable))
        throw invalid([
          { field: 'file', problem: 'send the file as the request body (application/octet-stream)' },
        ]);
      const length = request.headers['content-length'];
      try {
        const stored = await storeUpload(app.database.db, who.actor, {
          agencyId: who.agencyId,
          originalName: request.query.name,
          declaredBytes: length === undefined ? null : Number(length),
          body: request.body,
        });
        return reply.status(201).send(stored);
      } catch (error) {
        // The rest of an oversized body is never read: answer and close the connection.
        if (error instanceof AppError && error.status === 413) reply.header('connection', 'close');
        throw error;
      }
    },
  );

  app.get(
    '/files/:id',
    {
      config: { policy: 'reports.read' },
      schema: {
        tags,
        summary: 'Download an evidence file (always as an attachment)',
        params: z.object({ id: z.coerce.number().int().min(1).max(2147483647) }),
      },
    },
    async (request, reply) => {
      const file = await openStoredFile(app.database.db, request.params.id);
      return reply
        .header('content-type', file.mime)
        .header('content-length', file.sizeBytes)
        .header('content-disposition', contentDisposition(file.originalName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(file.body);
    },
  );
};
