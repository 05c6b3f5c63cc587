import crypto from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { fileTypeFromFile } from 'file-type';
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

/** Outside the web root: FILES_DIR, else DATA_DIR/files. */
export function filesDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.FILES_DIR ?? path.join(env.DATA_DIR ?? './data', 'files'));
}

const tooLarge = () =>
  new AppError(413, 'payload_too_large', `file: larger than the ${MAX_FILE_BYTES / 1024 / 1024} MB limit`);

/**
 * Stores an uploaded evidence file for an agency: refuses a declared size over the limit before reading,
 * stops reading once the limit is crossed, checks the type from the content, and keeps it under a random
 * name. Nothing is left behind when any check fails.
 */
export async function storeUpload(
  db: Db,
  actor: Actor,
  input: {
    agencyId: number | null;
    originalName: string;
    declaredBytes: number | null;
    body: Readable;
    dir?: string;
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
  const dir = input.dir ?? filesDir();
  fs.mkdirSync(dir, { recursive: true, mode: 0o750 });
  const storageName = crypto.randomBytes(16).toString('hex');
  const target = path.join(dir, storageName);
  const hash = crypto.createHash('sha256');
  let sizeBytes = 0;
  const out = fs.createWriteStream(target, { flags: 'wx', mode: 0o640 });
  try {
    try {
      for await (const chunk of input.body) {
        sizeBytes += (chunk as Buffer).length;
        if (sizeBytes > MAX_FILE_BYTES) throw tooLarge();
        hash.update(chunk as Buffer);
        if (!out.write(chunk)) await once(out, 'drain');
      }
    } finally {
      out.end();
      await finished(out).catch(() => {});
    }
    if (sizeBytes === 0) throw invalid([{ field: 'file', problem: 'is empty' }]);
    const type = await fileTypeFromFile(target);
    const mime = type?.mime;
    if (!mime || !ALLOWED[mime])
      throw new AppError(
        415,
        'unsupported_media_type',
        `file: its content is ${type ? type.ext : 'not a recognised type'}; allowed are PDF, Word, Excel and images (PNG, JPEG, WebP)`,
      );
    const id = await db.transaction(async (tx) => {
      const fileId = await reportsRepository(tx).insertFile({
        agencyId: input.agencyId!,
        storageName,
        originalName,
        mime,
        sizeBytes,
        sha256: hash.digest('hex'),
        uploadedBy: actor.userId,
      });
      await recordAudit(tx, actor, {
        action: 'file.upload',
        entityType: 'stored_file',
        entityId: fileId,
        after: { originalName, mime, sizeBytes },
      });
      return fileId;
    });
    return { id, mime, sizeBytes };
  } catch (error) {
    fs.rmSync(target, { force: true });
    throw error;
  }
}

/** A stored file to send as a download. */
export async function openStoredFile(db: Db, id: number, dir = filesDir()) {
  const file = await reportsRepository(db).fileById(id);
  if (!file) throw notFound('File');
  const full = path.join(dir, file.storageName);
  if (!fs.existsSync(full)) throw notFound('File content');
  return { ...file, stream: fs.createReadStream(full) };
}
