import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { fileTypeFromBuffer } from 'file-type';
import type { Db } from '../../db/database.ts';
import { cleanText } from '../../lib/text.ts';
import { AppError, invalid, notFound } from '../../server/errors.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { reportsRepository } from './reports.repository.ts';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** Evidence file types, judged from the content's magic bytes, never from the name. */
const ALLOWED: Record<string, string> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  // Word 97–2003 and Excel 97–2003 share the OLE compound-file container.
  'application/x-cfb': 'doc/xls',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
};

/**
 * Where files uploaded before decision 096 were written (FILES_DIR, else DATA_DIR/files); new files live
 * in the database. Only read, for downloads of those older files.
 */
export function filesDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.FILES_DIR ?? path.join(env.DATA_DIR ?? './data', 'files'));
}

const tooLarge = () =>
  new AppError(413, 'payload_too_large', `file: larger than the ${MAX_FILE_BYTES / 1024 / 1024} MB limit`);

/**
 * Stores an uploaded evidence file for an agency, in the database (decision 096): refuses a declared size
 * over the limit before reading, stops reading once the limit is crossed, checks the type from the
 * content, and writes the bytes with their metadata and the audit record in one transaction, so nothing
 * is left behind when any check fails and every server process serves the file.
 */
export async function storeUpload(
  db: Db,
  actor: Actor,
  input: {
    agencyId: number | null;
    originalName: string;
    declaredBytes: number | null;
    body: Readable;
  },
): Promise<{ id: number; mime: string; sizeBytes: number }> {
  // Refused on the declared size alone; the route closes the connection instead of reading the rest.
  if (input.declaredBytes !== null && input.declaredBytes > MAX_FILE_BYTES) throw tooLarge();
  if (input.agencyId === null)
    throw invalid([{ field: 'agency', problem: 'only an agency uploads evidence' }]);
  const originalName = cleanText(input.originalName)
    .replace(/[/\\\0]/g, '_')
    .slice(0, 200);
  if (!originalName) throw invalid([{ field: 'name', problem: 'give the file name' }]);
  const chunks: Buffer[] = [];
  let sizeBytes = 0;
  for await (const chunk of input.body) {
    sizeBytes += (chunk as Buffer).length;
    if (sizeBytes > MAX_FILE_BYTES) throw tooLarge();
    chunks.push(chunk as Buffer);
  }
  if (sizeBytes === 0) throw invalid([{ field: 'file', problem: 'is empty' }]);
  const content = Buffer.concat(chunks, sizeBytes);
  const type = await fileTypeFromBuffer(content);
  const mime = type?.mime;
  if (!mime || !ALLOWED[mime])
    throw new AppError(
      415,
      'unsupported_media_type',
      `file: its content is ${type ? type.ext : 'not a recognised type'}; allowed are PDF, Word, Excel and images (PNG, JPEG, WebP)`,
    );
  const sha256 = crypto.createHash('sha256').update(content).digest('hex');
  const id = await db.transaction(async (tx) => {
    const repo = reportsRepository(tx);
    const fileId = await repo.insertFile({
      agencyId: input.agencyId!,
      // Unique and random as before; it names a file on disk only for files stored before decision 096.
      storageName: crypto.randomBytes(16).toString('hex'),
      originalName,
      mime,
      sizeBytes,
      sha256,
      uploadedBy: actor.userId,
    });
    await repo.insertFileContent(fileId, content);
    await recordAudit(tx, actor, {
      action: 'file.upload',
      entityType: 'stored_file',
      entityId: fileId,
      after: { originalName, mime, sizeBytes },
    });
    return fileId;
  });
  return { id, mime, sizeBytes };
}

/** A stored file to send as a download: its bytes from the database, or from disk if stored before 096. */
export async function openStoredFile(
  db: Db,
  id: number,
  dir = filesDir(),
): Promise<{ mime: string; sizeBytes: number; originalName: string; body: Buffer | Readable }> {
  const repo = reportsRepository(db);
  const file = await repo.fileById(id);
  if (!file) throw notFound('File');
  const content = await repo.fileContent(id);
  if (content) return { ...file, body: content };
  const full = path.join(dir, file.storageName);
  if (!fs.existsSync(full)) throw notFound('File content');
  return { ...file, body: fs.createReadStream(full) };
}

/**
 * Moves the bytes of files stored on disk before decision 096 into the database, each checked against the
 * SHA-256 taken at upload and written with an audit record. Files on disk are left for the operator to
 * remove after a backup. Idempotent: a file already in the database is not read again.
 */
export async function moveDiskFilesIntoDatabase(
  db: Db,
  actor: Actor,
  dir = filesDir(),
): Promise<{ moved: number; missing: number[]; damaged: number[] }> {
  const result = { moved: 0, missing: [] as number[], damaged: [] as number[] };
  for (const file of await reportsRepository(db).filesWithoutContent()) {
    const full = path.join(dir, file.storageName);
    if (!fs.existsSync(full)) {
      result.missing.push(file.id);
      continue;
    }
    const content = fs.readFileSync(full);
    if (crypto.createHash('sha256').update(content).digest('hex') !== file.sha256) {
      result.damaged.push(file.id);
      continue;
    }
    await db.transaction(async (tx) => {
      await reportsRepository(tx).insertFileContent(file.id, content);
      await recordAudit(tx, actor, {
        action: 'file.move_into_database',
        entityType: 'stored_file',
        entityId: file.id,
        after: { sizeBytes: content.length },
      });
    });
    result.moved += 1;
  }
  return result;
}
