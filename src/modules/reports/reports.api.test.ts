import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/helpers/app.ts';
import { testEngines } from '../../../tests/helpers/db.ts';
import { type Client, makeUser, SAME_ORIGIN, signInAs } from '../../../tests/helpers/identity.ts';
import { type Database, rows } from '../../db/database.ts';
import { vietnamToday } from '../task-status/dates.ts';

const PDF = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);

describe.each(testEngines())('reports on %s', (engine) => {
  let app: FastifyInstance;
  let database: Database;
  let close: () => Promise<void>;
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nq57-files-'));
  let agency: { id: number; code: string };
  let otherAgency: number;
  let tasks: { id: number; dueDate: string }[];
  let officer: Client;
  let secondOfficer: Client;
  let head: Client;
  let coordinator: Client;
  let agencyCoordinator: Client;
  let stranger: Client;

  const call = (who: Client | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    who
      ? who.request({ method, url, payload: payload as never })
      : app.inject({ method, url, payload: payload as never, headers: SAME_ORIGIN });
  const upload = (who: Client, name: string, body: Buffer | Readable, headers: Record<string, string> = {}) =>
    who.request({
      method: 'POST',
      url: `/api/files?name=${encodeURIComponent(name)}`,
      payload: body as never,
      headers: { 'content-type': 'application/octet-stream', ...headers },
    });
  const count = async (table: string) =>
    (await rows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM ${sql.raw(table)}`))[0]!.n;

  beforeAll(async () => {
    process.env.FILES_DIR = filesDir;
    ({ app, database, close } = await createTestApp(engine));
    // The agency (other than the coordinating ministry) that leads most dated one-off tasks.
    [agency] = (await rows<{ id: number; code: string }>(
      database.db,
      sql`SELECT o.id, o.code FROM org_unit o JOIN task_agency ta ON ta.org_unit_id = o.id AND ta.role = 'lead'
          JOIN task t ON t.id = ta.task_id AND t.due_date IS NOT NULL AND t.recurrence IS NULL
          WHERE o.code <> 'BKHCN' GROUP BY o.id, o.code ORDER BY count(*) DESC, o.code LIMIT 1`,
    )) as [{ id: number; code: string }];
    tasks = await rows(
      database.db,
      sql`SELECT t.id, t.due_date AS "dueDate" FROM task t JOIN task_agency ta ON ta.task_id = t.id
          WHERE ta.org_unit_id = ${agency.id} AND ta.role = 'lead' AND t.due_date IS NOT NULL AND t.recurrence IS NULL
          ORDER BY t.due_date, t.id LIMIT 2`,
    );
    [{ id: otherAgency }] = (await rows<{ id: number }>(
      database.db,
      sql`SELECT id FROM org_unit WHERE code = 'BKHCN'`,
    )) as [{ id: number }];
    // Real people with the roles each step needs (docs/roles.md).
    const ctx = app.identity;
    await makeUser(ctx, 'officer@agency.gov.vn', agency.code, [{ role: 'focal_officer' }]);
    await makeUser(ctx, 'officer2@agency.gov.vn', agency.code, [{ role: 'focal_officer' }]);
    await makeUser(ctx, 'head@agency.gov.vn', agency.code, [{ role: 'agency_head' }]);
    await makeUser(ctx, 'coordinator@most.gov.vn', 'BKHCN', [{ role: 'coordinator' }]);
    // A coordinator who works for the reporting agency itself: never reviews its report.
    await makeUser(ctx, 'coordinator@agency.gov.vn', agency.code, [{ role: 'coordinator' }]);
    // The focal officer and head of another agency (the coordinating ministry, which reports too).
    await makeUser(ctx, 'officer@most.gov.vn', 'BKHCN', [{ role: 'focal_officer' }, { role: 'agency_head' }]);
    officer = await signInAs(app, 'officer@agency.gov.vn');
    secondOfficer = await signInAs(app, 'officer2@agency.gov.vn');
    head = await signInAs(app, 'head@agency.gov.vn');
    coordinator = await signInAs(app, 'coordinator@most.gov.vn');
    agencyCoordinator = await signInAs(app, 'coordinator@agency.gov.vn');
    stranger = await signInAs(app, 'officer@most.gov.vn');
  });
  afterAll(async () => {
    await close?.();
    fs.rmSync(filesDir, { recursive: true, force: true });
  });

  let obligationH1: number;
  let obligationH2: number;
  let reportId: number;
  let fileId: number;

  it('generates 6-monthly obligations due 14/6 and 30/11 for every agency with tasks, once', async () => {
    const first = await call(coordinator, 'POST', '/api/reports/obligations/generate', {
      from: '2025-01-01',
      to: '2025-12-31',
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().periods).toBe(2);
    expect(first.json().agencies).toBeGreaterThan(50); // ministries and the 34 provinces through collectives
    expect(first.json().created).toBe(first.json().agencies * 2);
    const again = (
      await call(coordinator, 'POST', '/api/reports/obligations/generate', {
        from: '2025-01-01',
        to: '2025-12-31',
      })
    ).json();
    expect(again).toMatchObject({ created: 0, existing: first.json().created });
    const mine = (await call(officer, 'GET', `/api/reports/obligations?agency=${agency.id}`)).json();
    expect(mine.map((o: { period: string; dueDate: string }) => [o.period, o.dueDate])).toEqual([
      ['2025-H1', '2025-06-14'],
      ['2025-H2', '2025-11-30'],
    ]);
    [obligationH1, obligationH2] = mine.map((o: { id: number }) => o.id);
  });

  it('refuses a draft for another agency', async () => {
    const res = await call(stranger, 'POST', '/api/reports', { obligationId: obligationH1 });
    expect(res.statusCode).toBe(403);
    expect(await count('report')).toBe(0);
  });

  it('starts a draft', async () => {
    const res = await call(officer, 'POST', '/api/reports', { obligationId: obligationH1 });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'draft', revision: 1, lockVersion: 1, items: [] });
    reportId = res.json().id;
    // Another agency's officer does not see the draft; the agency's head does.
    expect((await call(stranger, 'GET', `/api/reports/${reportId}`)).statusCode).toBe(404);
    expect((await call(head, 'GET', `/api/reports/${reportId}`)).statusCode).toBe(200);
  });

  it('names the agency, the tasks it carries and what each caller may do with the report', async () => {
    const asOfficer = (await call(officer, 'GET', `/api/reports/${reportId}`)).json();
    expect(asOfficer.agency).toMatchObject({ id: agency.id, code: agency.code });
    expect(asOfficer.tasks.map((t: { id: number }) => t.id)).toEqual(
      expect.arrayContaining(tasks.map((t) => t.id)),
    );
    expect(asOfficer.tasks.find((t: { id: number }) => t.id === tasks[0]!.id)).toMatchObject({
      role: 'lead',
    });
    expect(asOfficer.can).toEqual({ edit: true, submit: false, review: false, correct: false });
    const asHead = (await call(head, 'GET', `/api/reports/${reportId}`)).json();
    expect(asHead.can).toEqual({ edit: false, submit: true, review: false, correct: false });
    // The inbox: each obligation with its working days left and the state of its report.
    const inbox = (await call(officer, 'GET', `/api/reports/obligations?agency=${agency.id}`)).json();
    expect(inbox[0]).toMatchObject({ reportId, reportStatus: 'draft', returnReason: null });
    expect(inbox[0].workingDaysLeft).toBeLessThan(0); // 2025's first half is long past
  });

  it('stores a PDF judged by its content and serves it only as a download', async () => {
    const res = await upload(officer, 'Báo cáo kết quả.pdf', PDF);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ mime: 'application/pdf', sizeBytes: PDF.length });
    fileId = res.json().id;
    // In the database, beside its row (decision 096): any server process serves it; nothing on disk.
    expect(await count('stored_file_content')).toBe(1);
    expect(fs.readdirSync(filesDir)).toHaveLength(0);
    const down = await call(officer, 'GET', `/api/files/${fileId}`);
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-disposition']).toContain('attachment;');
    expect(down.headers['content-disposition']).toContain(encodeURIComponent('Báo cáo kết quả.pdf'));
    expect(down.headers['x-content-type-options']).toBe('nosniff');
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.rawPayload.equals(PDF)).toBe(true);
  });

  it('still serves a file stored on disk before files moved into the database', async () => {
    const storageName = 'a'.repeat(32);
    fs.writeFileSync(path.join(filesDir, storageName), PDF);
    try {
      const [{ id }] = (await rows<{ id: number }>(
        database.db,
        sql`INSERT INTO stored_file (agency_id, storage_name, original_name, mime, size_bytes, sha256)
            VALUES (${agency.id}, ${storageName}, 'cu.pdf', 'application/pdf', ${PDF.length}, 'x') RETURNING id`,
      )) as [{ id: number }];
      const down = await call(officer, 'GET', `/api/files/${id}`);
      expect(down.statusCode).toBe(200);
      expect(down.rawPayload.equals(PDF)).toBe(true);
      await database.db.execute(sql`DELETE FROM stored_file WHERE id = ${id}`);
    } finally {
      fs.rmSync(path.join(filesDir, storageName));
    }
  });

  it('answers an upload without a body or a name with 400, not 500', async () => {
    const noBody = await officer.request({ method: 'POST', url: '/api/files?name=x.pdf' });
    expect(noBody.statusCode).toBe(400);
    expect((await upload(officer, '', PDF)).statusCode).toBe(400);
    // Only an agency's focal officer uploads evidence: the coordinator is refused by policy.
    expect((await upload(coordinator, 'x.pdf', PDF)).statusCode).toBe(403);
    expect(await count('stored_file')).toBe(1);
  });

  it('accepts an image by its content whatever its name says', async () => {
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    const res = await upload(officer, 'anh-hien-truong.pdf', png);
    expect(res.statusCode).toBe(201);
    expect(res.json().mime).toBe('image/png');
    expect(await count('stored_file')).toBe(2);
  });

  it.each([
    ['an executable renamed to .pdf', 'hop-dong.pdf', EXE],
    ['plain text renamed to .pdf', 'ghi-chu.pdf', Buffer.from('không phải PDF')],
  ])('refuses %s and keeps nothing', async (_, name, body) => {
    const res = await upload(officer, name, body);
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('unsupported_media_type');
    expect(await count('stored_file')).toBe(2);
    expect(await count('stored_file_content')).toBe(2);
  });

  /** Streams up to 200 MB over a real socket; resolves with the answer and how much was sent by then. */
  async function streamUpload(
    who: Client,
    declared: number | null,
  ): Promise<{ status: number | 'closed'; sent: number }> {
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const chunk = Buffer.concat([PDF, Buffer.alloc(1024 * 1024 - PDF.length)]);
    return new Promise<{ status: number | 'closed'; sent: number }>((resolve, reject) => {
      let sent = 0;
      let answered = false;
      const headers: Record<string, string> = {
        'content-type': 'application/octet-stream',
        // Sent from our own pages over the real socket: the origin is this server's address.
        origin: `http://127.0.0.1:${port}`,
        cookie: `sid=${who.cookie}`,
      };
      if (declared !== null) headers['content-length'] = String(declared);
      const req = http.request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/files?name=lon.pdf',
        headers,
      });
      req.on('response', (res) => {
        answered = true;
        res.resume();
        resolve({ status: res.statusCode ?? 0, sent });
        req.destroy();
      });
      req.on('error', (error: NodeJS.ErrnoException) => {
        if (answered) return;
        if (error.code === 'EPIPE' || error.code === 'ECONNRESET') resolve({ status: 'closed', sent });
        else reject(error);
      });
      const pump = () => {
        while (!answered && sent < 200 * 1024 * 1024) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        if (!answered) req.end();
      };
      pump();
    });
  }

  it('refuses a 200 MB upload by its declared size before reading it', async () => {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const res = await streamUpload(officer, 200 * 1024 * 1024);
    expect([413, 'closed']).toContain(res.status);
    expect(res.sent).toBeLessThan(50 * 1024 * 1024);
    expect(await count('stored_file')).toBe(2);
  });

  it('stops reading an undeclared upload once it passes 20 MB', async () => {
    const res = await streamUpload(officer, null);
    expect([413, 'closed']).toContain(res.status);
    expect((await call(officer, 'GET', '/api/health')).statusCode).toBe(200);
    expect(res.sent).toBeLessThan(60 * 1024 * 1024);
    expect(await count('stored_file')).toBe(2);
    expect(await count('stored_file_content')).toBe(2);
  });

  const content = (over: Record<string, unknown> = {}, second: Record<string, unknown> = {}) => ({
    summary: 'Tổng hợp kết quả 6 tháng đầu năm 2025.',
    items: [
      {
        taskId: tasks[0]!.id,
        status: 'completed',
        progress: 100,
        completedOn: '2025-05-10',
        doneText: 'Đã ban hành nghị định.',
        evidence: [
          { kind: 'document', number: '179/2024/NĐ-CP', date: '2025-05-10', issuer: 'Chính phủ' },
          { kind: 'file', fileId },
          { kind: 'link', url: 'https://vanban.chinhphu.vn/' },
        ],
        ...over,
      },
      {
        taskId: tasks[1]!.id,
        status: 'in_progress',
        progress: 40,
        difficulties: 'Thiếu kinh phí',
        bottlenecks: [{ type: 'finance', description: 'Chưa được bố trí kinh phí năm 2025' }],
        ...second,
      },
    ],
  });
  const save = (who: Client, lockVersion: number, body: unknown) =>
    call(who, 'PUT', `/api/reports/${reportId}`, { lockVersion, ...(body as object) });

  it.each([
    ['progress 140 %', () => content({}, { progress: 140 }), 'items.1.progress'],
    ['"completed" without evidence', () => content({ evidence: [] }), 'items.0.evidence'],
    [
      'a document number like "abc"',
      () =>
        content({ evidence: [{ kind: 'document', number: 'abc', date: '2025-05-10', issuer: 'Chính phủ' }] }),
      'items.0.evidence.0.number',
    ],
    [
      'a link that is not http',
      () => content({ evidence: [{ kind: 'link', url: 'javascript:alert(1)' }] }),
      'items.0.evidence.0.url',
    ],
    ['a task the agency does not carry', () => content({}, { taskId: 999999 }), 'items.1.taskId'],
  ])('refuses %s with the field named and stores nothing', async (_, body, field) => {
    const res = await save(officer, 1, body());
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues.map((i: { field: string }) => i.field)).toContain(field);
    expect((await call(officer, 'GET', `/api/reports/${reportId}`)).json()).toMatchObject({
      lockVersion: 1,
      items: [],
    });
  });

  it('saves a draft with evidence', async () => {
    const res = await save(officer, 1, content());
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.lockVersion).toBe(2);
    expect(body.items[0].evidence.map((e: { kind: string }) => e.kind).sort()).toEqual([
      'document',
      'file',
      'link',
    ]);
  });

  it('tells the second of two editors what the first changed, and keeps the first save', async () => {
    const first = await save(officer, 2, content({}, { progress: 60 }));
    expect(first.statusCode).toBe(200);
    const second = await save(secondOfficer, 2, { ...content(), summary: 'Bản của người thứ hai' });
    expect(second.statusCode).toBe(409);
    const error = second.json().error;
    expect(error.code).toBe('conflict');
    expect(error.lockVersion).toBe(3);
    expect(error.changes).toEqual([{ field: `items[task ${tasks[1]!.id}].progress`, before: 40, after: 60 }]);
    const now = (await call(officer, 'GET', `/api/reports/${reportId}`)).json();
    expect(now.summary).toBe('Tổng hợp kết quả 6 tháng đầu năm 2025.');
    expect(now.items[1].agency.progress).toBe(60);
  });

  it('lets exactly one of two simultaneous saves of the same version through', async () => {
    const [a, b] = await Promise.all([
      save(officer, 3, content({}, { progress: 61 })),
      save(secondOfficer, 3, content({}, { progress: 62 })),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const winner = a.statusCode === 200 ? 61 : 62;
    const now = (await call(officer, 'GET', `/api/reports/${reportId}`)).json();
    expect(now).toMatchObject({ lockVersion: 4 });
    expect(now.items[1].agency.progress).toBe(winner);
    // Back to the content the rest of the workflow expects.
    expect((await save(officer, 4, content({}, { progress: 60 }))).statusCode).toBe(200);
  });

  it('refuses to submit an empty report', async () => {
    const draft = (await call(officer, 'POST', '/api/reports', { obligationId: obligationH2 })).json();
    const res = await call(head, 'POST', `/api/reports/${draft.id}/submit`, { lockVersion: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues.map((i: { field: string }) => i.field)).toEqual(['items', 'summary']);
    expect((await call(head, 'GET', `/api/reports/${draft.id}`)).json().status).toBe('draft');
  });

  it('refuses submitting for another agency', async () => {
    const res = await call(stranger, 'POST', `/api/reports/${reportId}/submit`, { lockVersion: 5 });
    expect(res.statusCode).toBe(403);
  });

  it('lets the head submit, which raises the bottlenecks drafted in it', async () => {
    const res = await call(head, 'POST', `/api/reports/${reportId}/submit`, { lockVersion: 5 });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('submitted');
    expect((await call(coordinator, 'GET', `/api/reports/${reportId}`)).json().can).toMatchObject({
      review: true,
      edit: false,
    });
    expect((await call(agencyCoordinator, 'GET', `/api/reports/${reportId}`)).json().can.review).toBe(false);
    const queue = (await call(coordinator, 'GET', '/api/reports?status=submitted&period=2025-H1')).json();
    expect(queue.items).toMatchObject([{ id: reportId, agencyCode: agency.code, period: '2025-H1' }]);
    expect(queue.items[0].agencyNameVi).toBeTruthy();
    expect(
      (await call(coordinator, 'GET', '/api/reports?status=submitted&period=2025-H2')).json().total,
    ).toBe(0);
    const board = (await call(coordinator, 'GET', `/api/bottlenecks?agency=${agency.id}`)).json();
    expect(board.items).toMatchObject([{ type: 'finance', status: 'open', taskId: tasks[1]!.id, reportId }]);
  });

  it('refuses accepting or returning one’s own report', async () => {
    for (const who of [head, officer, agencyCoordinator]) {
      expect((await call(who, 'POST', `/api/reports/${reportId}/accept`, {})).statusCode).toBe(403);
      expect(
        (await call(who, 'POST', `/api/reports/${reportId}/return`, { reason: 'Thiếu số liệu' })).statusCode,
      ).toBe(403);
    }
    expect((await call(head, 'GET', `/api/reports/${reportId}`)).json().status).toBe('submitted');
  });

  it('returns with a reason; the agency corrects and resubmits without duplicating bottlenecks', async () => {
    expect(
      (await call(coordinator, 'POST', `/api/reports/${reportId}/return`, { reason: ' ' })).statusCode,
    ).toBe(400);
    const returned = await call(coordinator, 'POST', `/api/reports/${reportId}/return`, {
      reason: 'Bổ sung số liệu nhiệm vụ 2',
    });
    expect(returned.json()).toMatchObject({ status: 'returned', returnReason: 'Bổ sung số liệu nhiệm vụ 2' });
    const inbox = (await call(officer, 'GET', `/api/reports/obligations?agency=${agency.id}`)).json();
    expect(inbox[0]).toMatchObject({ reportStatus: 'returned', returnReason: 'Bổ sung số liệu nhiệm vụ 2' });
    const firstSubmission = inbox[0].firstSubmittedAt;
    expect(firstSubmission).not.toBeNull();
    expect((await save(officer, 5, content({}, { progress: 70 }))).statusCode).toBe(200);
    expect((await call(head, 'POST', `/api/reports/${reportId}/submit`, { lockVersion: 6 })).statusCode).toBe(
      200,
    );
    // Submitting again moves submitted_at, never the first submission: "on time" and the figures as of
    // a past date keep reading the first (migration 202612061600).
    const [row] = await rows<{ submittedAt: string; firstSubmittedAt: string }>(
      database.db,
      sql`SELECT submitted_at::text AS "submittedAt", first_submitted_at::text AS "firstSubmittedAt"
          FROM report WHERE id = ${reportId}`,
    );
    expect(row!.submittedAt).not.toBe(row!.firstSubmittedAt);
    const again = (await call(officer, 'GET', `/api/reports/obligations?agency=${agency.id}`)).json();
    expect(again[0].firstSubmittedAt).toBe(firstSubmission);
    const board = (await call(coordinator, 'GET', `/api/bottlenecks?agency=${agency.id}&status=open`)).json();
    expect(board.total).toBe(1);
  });

  it('accepts with a disagreement shown next to the agency’s own view, then locks', async () => {
    const res = await call(coordinator, 'POST', `/api/reports/${reportId}/accept`, {
      assessments: [{ taskId: tasks[1]!.id, progress: 50, note: 'Chưa đủ căn cứ cho 70 %' }],
    });
    expect(res.json()).toMatchObject({ status: 'accepted' });
    const body = res.json();
    expect(body.items[1]).toMatchObject({
      agency: { status: 'in_progress', progress: 70 },
      reviewer: { status: 'in_progress', progress: 50, note: 'Chưa đủ căn cứ cho 70 %' },
      disagreement: true,
    });
    expect(body.items[0].disagreement).toBe(false);
    expect((await call(officer, 'GET', `/api/reports/${reportId}`)).json().can).toEqual({
      edit: false,
      submit: false,
      review: false,
      correct: true,
    });
    const locked = await save(officer, 6, content());
    expect(locked.statusCode).toBe(409);
    const current = await rows<{ taskId: number; status: string; progress: number }>(
      database.db,
      sql`SELECT task_id AS "taskId", status, progress FROM task_current_status WHERE agency_id = ${agency.id} ORDER BY status`,
    );
    expect(current).toEqual([
      { taskId: tasks[0]!.id, status: 'completed', progress: 100 },
      { taskId: tasks[1]!.id, status: 'in_progress', progress: 50 },
    ]);
  });

  it('corrects an accepted report as a new revision with a reason; the old stays readable', async () => {
    expect(
      (await call(officer, 'POST', `/api/reports/${reportId}/corrections`, { reason: '' })).statusCode,
    ).toBe(400);
    const res = await call(officer, 'POST', `/api/reports/${reportId}/corrections`, {
      reason: 'Sửa ngày ban hành',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ revision: 2, status: 'draft', correctionReason: 'Sửa ngày ban hành' });
    expect(res.json().items).toHaveLength(2);
    const old = (await call(officer, 'GET', `/api/reports/${reportId}`)).json();
    expect(old).toMatchObject({ status: 'accepted', revision: 1 });
    expect(old.revisions.map((r: { revision: number }) => r.revision)).toEqual([1, 2]);
  });

  it('gives task status as of a date from what was accepted by then, the same every time', async () => {
    const [t0] = tasks as [{ id: number; dueDate: string }];
    const url = (asOf: string, extra = '') =>
      `/api/task-status?task=${t0.id}&agency=${agency.id}&asOf=${asOf}${extra}`;
    const today = vietnamToday();
    const now = (await call(coordinator, 'GET', url(today))).json();
    expect(now).toHaveLength(1);
    expect(now[0].status).toBe(t0.dueDate >= '2025-05-10' ? 'completed_on_time' : 'completed_late');
    expect(now[0].judgement).toMatchObject({ completedOn: '2025-05-10', basisReportId: reportId });
    // The report was accepted today, so on any earlier day the task was still open.
    const before = (await call(coordinator, 'GET', url('2025-12-31'))).json();
    expect(before[0].status).toBe(t0.dueDate < '2025-12-31' ? 'open_overdue' : 'open_within_deadline');
    expect(before[0].judgement.basisReportId).toBeNull();
    expect((await call(coordinator, 'GET', url('2025-12-31'))).json()).toEqual(before);
    const extended = (await call(coordinator, 'GET', url(today, '&currentDeadline=2099-12-31'))).json();
    expect(extended[0].judgement.againstCurrent).toMatchObject({
      status: 'completed_on_time',
      dueDate: '2099-12-31',
    });
    expect((await call(coordinator, 'GET', url('2025-13-01'))).statusCode).toBe(400);
    // The public sees the same, without signing in, for an explicit date.
    const pub = await call(
      null,
      'GET',
      `/api/public/task-status?task=${t0.id}&agency=${agency.id}&asOf=${today}`,
    );
    expect(pub.json()).toEqual(now);
    expect((await call(null, 'GET', `/api/public/task-status?task=${t0.id}`)).statusCode).toBe(400);
  });

  it('measures reporting: expected, submitted, on time, accepted', async () => {
    const rates = (
      await call(coordinator, 'GET', '/api/reports/rates?dueFrom=2025-01-01&dueTo=2025-12-31')
    ).json();
    const mine = rates.filter((r: { agencyId: number }) => r.agencyId === agency.id);
    // Submitted now (long after 14/6/2025): submitted, accepted, but not on time.
    expect(mine).toMatchObject([
      { period: '2025-H1', expected: 1, submitted: 1, onTime: 0, accepted: 1 },
      { period: '2025-H2', expected: 1, submitted: 0, onTime: 0, accepted: 0 },
    ]);
  });

  it('describes every route in the OpenAPI document', async () => {
    const doc = (await call(null, 'GET', '/api/openapi.json')).json();
    for (const route of [
      '/api/reports/{id}/accept',
      '/api/files',
      '/api/task-status',
      '/api/bottlenecks',
      '/api/notifications/preferences',
    ])
      expect(Object.keys(doc.paths)).toContain(route);
  });

  it('records every change in the audit trail', async () => {
    const actions = await rows<{ action: string }>(
      database.db,
      sql`SELECT action FROM audit_event WHERE entity_type IN ('report', 'stored_file') ORDER BY id`,
    );
    expect(actions.map((a) => a.action)).toEqual([
      'report.create',
      'file.upload',
      'file.upload',
      'report.save_draft',
      'report.save_draft',
      'report.save_draft',
      'report.save_draft',
      'report.create',
      'report.submit',
      'report.return',
      'report.save_draft',
      'report.submit',
      'report.accept',
      'report.correct',
    ]);
  });

  it('keeps BKHCN’s coordinator from accepting BKHCN’s own report', async () => {
    const [h1] = (await call(stranger, 'GET', `/api/reports/obligations?agency=${otherAgency}`)).json();
    const [task] = await rows<{ id: number }>(
      database.db,
      sql`SELECT ta.task_id AS id FROM task_agency ta JOIN task t ON t.id = ta.task_id AND t.recurrence IS NULL
          WHERE ta.org_unit_id = ${otherAgency} AND ta.role = 'lead' ORDER BY ta.task_id LIMIT 1`,
    );
    const draft = await call(stranger, 'POST', '/api/reports', { obligationId: h1.id });
    expect(draft.statusCode).toBe(201);
    const id = draft.json().id;
    const saved = await call(stranger, 'PUT', `/api/reports/${id}`, {
      lockVersion: 1,
      summary: 'Báo cáo của Bộ Khoa học và Công nghệ.',
      items: [{ taskId: task!.id, status: 'in_progress', progress: 30 }],
    });
    expect(saved.statusCode).toBe(200);
    expect((await call(stranger, 'POST', `/api/reports/${id}/submit`, { lockVersion: 2 })).statusCode).toBe(
      200,
    );
    expect((await call(coordinator, 'POST', `/api/reports/${id}/accept`, {})).statusCode).toBe(403);
    expect(
      (await call(coordinator, 'POST', `/api/reports/${id}/return`, { reason: 'Thiếu số liệu' })).statusCode,
    ).toBe(403);
    expect((await call(stranger, 'GET', `/api/reports/${id}`)).json().status).toBe('submitted');
  });
});
