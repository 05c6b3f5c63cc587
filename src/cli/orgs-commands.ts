import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../db/database.ts';
import { cliActor } from '../modules/audit/actor.ts';
import {
  commitImport,
  IMPORT_TYPES,
  type ImportType,
  previewImport,
} from '../modules/orgs/org-import.service.ts';
import { readTable } from '../modules/orgs/org-import-file.ts';
import { AppError } from '../server/errors.ts';
import type { CommandResult } from './audit-commands.ts';

/**
 * `nq57 orgs import <file>`: previews a CSV/.xlsx of communes or departments and, with --commit,
 * imports it all or nothing. The same services as POST /api/orgs/import/*.
 */
export async function orgsImport(
  database: Database,
  file: string,
  o: { type?: string; commit?: boolean },
): Promise<CommandResult> {
  const type = (o.type ?? 'communes') as ImportType;
  if (!IMPORT_TYPES.includes(type))
    return { output: `--type: must be ${IMPORT_TYPES.join(' or ')}`, exitCode: 2 };
  if (!fs.existsSync(file)) return { output: `${file}: no such file`, exitCode: 2 };
  try {
    const table = await readTable(fs.readFileSync(file), path.basename(file));
    const preview = await previewImport(database.db, type, table);
    const lines = [
      `${path.basename(file)}: ${preview.total} rows, ${preview.valid} valid, ${preview.errors.length} problems.`,
    ];
    if (preview.unknownColumns.length) lines.push(`Columns ignored: ${preview.unknownColumns.join(', ')}`);
    for (const e of preview.errors) lines.push(`  row ${e.row}, ${e.column}: ${e.problem}`);
    if (preview.errors.length) return { output: [...lines, 'Nothing imported.'].join('\n'), exitCode: 1 };
    for (const p of preview.byParent) lines.push(`  under ${p.code}: ${p.count}`);
    if (!o.commit)
      return { output: [...lines, 'Preview only: add --commit to import.'].join('\n'), exitCode: 0 };
    const result = await commitImport(database.db, cliActor(), type, table, path.basename(file));
    return { output: [...lines, `Imported ${result.created} ${type}.`].join('\n'), exitCode: 0 };
  } catch (error) {
    if (error instanceof AppError) return { output: `Error: ${error.message}`, exitCode: 1 };
    throw error;
  }
}
