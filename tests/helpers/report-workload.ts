import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../src/db/database.ts';
import { TEST_PASSWORD } from './identity.ts';
import type { Officer } from './officers.ts';

/** A write the server acknowledged (answered 2xx): after that it must be in the database, whatever happens. */
export type Ack =
  | { kind: 'create'; officerId: number; reportId: number; obligationId: number }
  | { kind: 'save'; officerId: number; reportId: number; lockVersion: number; summary: string }
  | { kind: 'submit'; officerId: number; reportId: number };

/** A request the server refused or failed (any status other than the expected 2xx). */
export interface Failure {
  email: string;
  step: string;
  status: number;
  body: string;
}

const SHORT_BREAK_MS = 100;

/**
 * Simulated focal officers, each a real account signed in over HTTP from its own address (sent as
 * X-Forwarded-For: the server runs behind a trusted proxy, TRUST_PROXY=127.0.0.1, as in production, so
 * per-address sign-in limits apply per officer). Each works through its own obligations: start the
 * draft, save it with progress on its agency's tasks, submit it. Every 2xx is recorded as an
 * acknowledged write; a request whose answer never came (the server was killed) leaves its obligation
 * uncertain, and the officer goes on with the next one once the server answers again.
 */
export class ReportWorkload {
  readonly acks: Ack[] = [];
  readonly failures: Failure[] = [];
  /** Obligations whose last write got no answer: each may or may not have been committed. */
  readonly uncertain = new Set<number>();
  requests = 0;
  /** Requests sent and not yet answered (or failed). */
  inflight = 0;
  networkErrors = 0;
  private readonly cookies = new Map<number, string>();

  constructor(
    private readonly officers: Officer[],
    private readonly baseUrl: () => string,
    /** A person's pause between two requests; the server allows 120 writes a minute per person. */
    private readonly thinkMs = 0,
  ) {
    if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(baseUrl())) throw new Error('load runs on 127.0.0.1 only');
  }

  private address(officer: Officer): string {
    const n = this.officers.indexOf(officer) + 1;
    return `10.57.${(n >> 8) & 255}.${n & 255}`;
  }

  private async send(officer: Officer, method: string, path: string, body?: unknown) {
    if (this.thinkMs) await new Promise((r) => setTimeout(r, this.thinkMs));
    this.requests++;
    this.inflight++;
    try {
      const cookie = this.cookies.get(officer.id);
      const res = await fetch(`${this.baseUrl()}${path}`, {
        method,
        headers: {
          'content-type': 'application/json',
          origin: this.baseUrl(),
          'x-forwarded-for': this.address(officer),
          ...(cookie ? { cookie: `sid=${cookie}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, text, headers: res.headers };
    } finally {
      this.inflight--;
    }
  }

  /** The session cookie an officer was given at sign-in. */
  cookieOf(officer: Officer): string | undefined {
    return this.cookies.get(officer.id);
  }

  /** Every officer signs in through POST /api/auth/sign-in, `concurrency` at a time. */
  async signIn(concurrency = 20): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < this.officers.length) {
        const officer = this.officers[next++]!;
        const res = await this.send(officer, 'POST', '/api/auth/sign-in', {
          email: officer.email,
          password: TEST_PASSWORD,
        });
        const sid = res.headers
          .getSetCookie()
          .map((c) => /^sid=([^;]+)/.exec(c)?.[1])
          .find(Boolean);
        if (res.status !== 200 || !sid)
          throw new Error(`sign-in of ${officer.email}: ${res.status} ${res.text.slice(0, 200)}`);
        this.cookies.set(officer.id, sid);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  }

  /**
   * Runs every officer until `stop()` says so or its obligations run out. `serverUp()` is awaited after a
   * request got no answer (the crash test restarts the server meanwhile).
   */
  async run(stop: () => boolean, serverUp: () => Promise<void> = async () => {}): Promise<void> {
    await Promise.all(this.officers.map((o) => this.officerLoop(o, stop, serverUp)));
  }

  private async officerLoop(officer: Officer, stop: () => boolean, serverUp: () => Promise<void>) {
    for (const obligationId of officer.obligations) {
      if (stop()) return;
      try {
        await this.report(officer, obligationId);
      } catch {
        // No answer: the server died mid-request. Whether that write committed is unknown.
        this.networkErrors++;
        this.uncertain.add(obligationId);
        await new Promise((r) => setTimeout(r, SHORT_BREAK_MS));
        await serverUp();
      }
    }
  }

  private refused(officer: Officer, step: string, res: { status: number; text: string }) {
    this.failures.push({ email: officer.email, step, status: res.status, body: res.text.slice(0, 300) });
  }

  private async report(officer: Officer, obligationId: number): Promise<void> {
    const created = await this.send(officer, 'POST', '/api/reports', { obligationId });
    if (created.status !== 201) return this.refused(officer, 'create', created);
    const draft = JSON.parse(created.text) as { id: number; lockVersion: number };
    this.acks.push({ kind: 'create', officerId: officer.id, reportId: draft.id, obligationId });

    const summary = `Báo cáo tuần của cán bộ ${officer.id}, nghĩa vụ ${obligationId}: tiến độ đúng kế hoạch.`;
    const saved = await this.send(officer, 'PUT', `/api/reports/${draft.id}`, {
      lockVersion: draft.lockVersion,
      summary,
      items: officer.tasks.map((taskId, i) => ({
        taskId,
        status: 'in_progress',
        progress: (obligationId * 7 + i * 13) % 99,
        doneText: 'Đã tổ chức triển khai, hoàn thiện dự thảo và lấy ý kiến các cơ quan liên quan.',
      })),
    });
    if (saved.status !== 200) return this.refused(officer, 'save', saved);
    const afterSave = JSON.parse(saved.text) as { lockVersion: number };
    this.acks.push({
      kind: 'save',
      officerId: officer.id,
      reportId: draft.id,
      lockVersion: afterSave.lockVersion,
      summary,
    });

    const submitted = await this.send(officer, 'POST', `/api/reports/${draft.id}/submit`, {
      lockVersion: afterSave.lockVersion,
    });
    if (submitted.status !== 200) return this.refused(officer, 'submit', submitted);
    this.acks.push({ kind: 'submit', officerId: officer.id, reportId: draft.id });
  }
}

/**
 * Compares what the officers were told against the database: every acknowledged report, save and
 * submission must be there; a report nobody was told about may exist only for an uncertain obligation.
 * Returns the problems found (none when all is well) and the counts it checked.
 */
export async function checkAcknowledged(
  db: Db,
  workload: ReportWorkload,
  officerIds: number[],
): Promise<{ problems: string[]; reports: number; acks: number }> {
  const found = await rows<{
    id: number;
    obligationId: number;
    status: string;
    lockVersion: number;
    createdBy: number;
  }>(
    db,
    sql`SELECT id, obligation_id AS "obligationId", status, lock_version AS "lockVersion", created_by AS "createdBy"
          FROM report WHERE created_by = ANY(${`{${officerIds.join(',')}}`}::int[])`,
  );
  const byId = new Map(found.map((r) => [r.id, r]));
  const snapshots = await rows<{ reportId: number; lockVersion: number; summary: string }>(
    db,
    sql`SELECT report_id AS "reportId", lock_version AS "lockVersion", content->>'summary' AS summary
          FROM report_snapshot WHERE report_id = ANY(${`{${[...byId.keys(), 0].join(',')}}`}::int[])`,
  );
  const snapshot = new Map(snapshots.map((s) => [`${s.reportId}:${s.lockVersion}`, s.summary]));
  const problems: string[] = [];
  const told = new Set<number>();
  for (const ack of workload.acks) {
    const r = byId.get(ack.reportId);
    if (!r) {
      problems.push(`acknowledged ${ack.kind} of report ${ack.reportId}: the report is missing`);
      continue;
    }
    if (ack.kind === 'create') {
      told.add(ack.reportId);
      if (r.obligationId !== ack.obligationId || r.createdBy !== ack.officerId)
        problems.push(`report ${r.id}: obligation or author differs from what was acknowledged`);
    } else if (ack.kind === 'save') {
      if (r.lockVersion < ack.lockVersion)
        problems.push(
          `report ${r.id}: version ${r.lockVersion}, but save ${ack.lockVersion} was acknowledged`,
        );
      if (snapshot.get(`${r.id}:${ack.lockVersion}`) !== ack.summary)
        problems.push(`report ${r.id}: the acknowledged version ${ack.lockVersion} is missing or differs`);
    } else if (r.status === 'draft') {
      problems.push(`report ${r.id}: submission acknowledged, but the report is a draft`);
    }
  }
  for (const r of found)
    if (!told.has(r.id) && !workload.uncertain.has(r.obligationId))
      problems.push(`report ${r.id} exists but nobody was told it was created`);
  return { problems, reports: found.length, acks: workload.acks.length };
}
