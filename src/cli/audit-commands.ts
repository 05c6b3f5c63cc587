import type { Database } from '../db/database.ts';
import type { AuditRow } from '../modules/audit/audit.repository.ts';
import { listAuditEvents, verifyAuditChain } from '../modules/audit/audit.service.ts';

/** What a CLI command prints and the exit code it ends with; main.ts does the printing. */
export interface CommandResult {
  output: string;
  exitCode: number;
}

/** `nq57 audit verify`: exit code 1 and the first broken link named when the chain is broken. */
export async function auditVerify(database: Database): Promise<CommandResult> {
  const verdict = await verifyAuditChain(database.db);
  if (verdict.ok) return { output: `Audit trail intact: ${verdict.checked} events verified.`, exitCode: 0 };
  const why =
    verdict.reason === 'hash_mismatch'
      ? 'its content no longer matches its hash (the row was changed)'
      : 'it does not link to the event before it (an event was removed or inserted)';
  return {
    output: `Audit trail BROKEN at event ${verdict.brokenAt}: ${why}. Events verified before it: ${verdict.checked}.`,
    exitCode: 1,
  };
}

export interface AuditListOptions {
  entityType?: string;
  entityId?: string;
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
  page?: string;
  pageSize?: string;
  json?: boolean;
}

/** `nq57 audit list`: newest first, the same filters as GET /api/audit. */
export async function auditList(database: Database, o: AuditListOptions): Promise<CommandResult> {
  const problems: string[] = [];
  for (const [name, value] of [
    ['--from', o.from],
    ['--to', o.to],
  ] as const) {
    if (value && !/^\d{4}-\d{2}-\d{2}$/.test(value)) problems.push(`${name}: must be a date as YYYY-MM-DD`);
  }
  const page = Number(o.page ?? 1);
  const pageSize = Number(o.pageSize ?? 20);
  if (!Number.isInteger(page) || page < 1) problems.push('--page: must be a whole number from 1');
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 500)
    problems.push('--page-size: must be a whole number from 1 to 500');
  if (problems.length) return { output: problems.join('\n'), exitCode: 2 };
  const found = await listAuditEvents(database.db, {
    entityType: o.entityType,
    entityId: o.entityId,
    actor: o.actor,
    action: o.action,
    from: o.from,
    to: o.to,
    page,
    pageSize,
  });
  if (o.json) return { output: JSON.stringify(found, null, 2), exitCode: 0 };
  const lines = found.items.map(formatEvent);
  lines.push(
    `${found.total} events in all; page ${page} of ${Math.max(1, Math.ceil(found.total / pageSize))}.`,
  );
  return { output: lines.join('\n'), exitCode: 0 };
}

function formatEvent(e: AuditRow): string {
  const what = e.entityId ? `${e.entityType} ${e.entityId}` : e.entityType;
  return `#${e.id}  ${e.occurredAt}  ${e.actorLabel} (${e.via})  ${e.action}  ${what}`;
}
