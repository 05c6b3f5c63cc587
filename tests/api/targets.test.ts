import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/database.ts';
import { loadProgram } from '../../src/modules/program/program-loader.service.ts';
import {
  enterObservation,
  guardDuplicate,
  reviewObservation,
} from '../../src/modules/targets/observations.service.ts';
import { observationsRepository } from '../../src/modules/targets/targets.repository.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { testEngines } from '../helpers/db.ts';
import { type Client, makeUser, signInAs } from '../helpers/identity.ts';

// AP2030-23.3: submarine-cable capacity ≥ 350 Tbps by 2030 (unit "Tbps").
const CABLE = 'AP2030-23.3';

describe.each(testEngines())('targets API on %s', (engine) => {
  let t: TestApp;
  let officer: Client;
  let coordinator: Client;
  beforeAll(async () => {
    t = await createTestApp(engine);
    // The agency's focal officer enters and submits values; the coordinator defines targets and reviews.
    // The officer is focal officer of every monitoring agency, so one client can enter any target's
    // values (the access rules decide per target: decision 056; target-tasks.api.test.ts refuses one).
    const monitoring = await rows<{ code: string }>(
      t.database.db,
      sql`SELECT DISTINCT o.code FROM target t JOIN org_unit o ON o.id = t.monitoring_agency_id ORDER BY o.code`,
    );
    await makeUser(
      t.app.identity,
      'officer@most.gov.vn',
      'BKHCN',
      monitoring.map((m) => ({ role: 'focal_officer' as const, unit: m.code })),
    );
    await makeUser(t.app.identity, 'coordinator@most.gov.vn', 'BKHCN', [{ role: 'coordinator' }]);
    officer = await signInAs(t.app, 'officer@most.gov.vn');
    coordinator = await signInAs(t.app, 'coordinator@most.gov.vn');
  });
  afterAll(() => t?.close());

  /** Who makes a request: the coordinator for definitions, versions and reviews, else the officer. */
  const caller = (method: string, url: string) =>
    /\/(accept|return|versions)$/.test(url) ||
    url === '/api/target-values' ||
    (method === 'PATCH' && url.startsWith('/api/targets/'))
      ? coordinator
      : officer;
  const get = (url: string) => caller('GET', url).request({ method: 'GET', url });
  const send = (method: 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown) =>
    caller(method, url).request({ method, url, payload: payload as object });
  const valueCount = async () =>
    (await rows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM target_observation`))[0]!.n;
  const auditCount = async (action: string) =>
    (
      await rows<{ n: number }>(
        t.database.db,
        sql`SELECT count(*)::int AS n FROM audit_event WHERE action = ${action}`,
      )
    )[0]!.n;
  /** Enters, submits and accepts a value through the API; answers the accepted value. */
  const acceptedValue = async (code: string, body: Record<string, unknown>) => {
    const entered = await send('POST', `/api/targets/${code}/values`, body);
    expect(entered.statusCode, entered.body).toBe(201);
    const id = entered.json().id;
    expect((await send('POST', `/api/target-values/${id}/submit`)).statusCode).toBe(200);
    const accepted = await send('POST', `/api/target-values/${id}/accept`);
    expect(accepted.statusCode, accepted.body).toBe(200);
    return accepted.json();
  };

  it('classes nothing without values: every target is insufficient data or not assessed', async () => {
    const res = await get('/api/public/targets/progress');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(67);
    expect(body.counts.insufficient_data + body.counts.not_assessed).toBe(67);
    expect(body.counts.not_assessed).toBe(9);
    const list = (await get('/api/public/targets')).json();
    expect(list.items.find((i: { code: string }) => i.code === CABLE)).toMatchObject({
      progressStatus: 'insufficient_data',
      baseline: null,
      version: 1,
    });
  });

  it('completes a definition as a new version, keeps the before and after, and the loader leaves it alone', async () => {
    const res = await send('PATCH', `/api/targets/${CABLE}`, {
      baselineValue: 52,
      baselineYear: 2025,
      baselineSource: 'Báo cáo của Đảng ủy Chính phủ, tháng 5/2025',
      reason: 'Baseline from the May 2025 report',
      expectedVersion: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      changed: true,
      target: { version: 2, editedLocally: true, baselineValue: 52, baselineYear: 2025 },
    });
    const history = (await get(`/api/targets/${CABLE}/versions`)).json();
    expect(history.versions).toHaveLength(1);
    expect(history.versions[0]).toMatchObject({
      version: 2,
      actor: 'coordinator@most.gov.vn',
      reason: 'Baseline from the May 2025 report',
      before: { baselineValue: null },
      after: { baselineValue: 52, baselineYear: 2025 },
    });
    expect(await auditCount('target.update')).toBe(1);

    // The same request again changes nothing and makes no version.
    const again = await send('PATCH', `/api/targets/${CABLE}`, { baselineValue: 52 });
    expect(again.json()).toMatchObject({ changed: false, target: { version: 2 } });

    // The source changes under a corrected target: the loader keeps the correction.
    await t.database.db.execute(sql`UPDATE target SET source_hash = 'old' WHERE code = ${CABLE}`);
    const summary = await loadProgram(t.database);
    expect(summary.counts.targets.keptLocalEdits).toBe(1);
    const detail = (await get(`/api/public/targets/${CABLE}`)).json();
    expect(detail.target.baseline).toEqual({
      value: 52,
      year: 2025,
      source: 'Báo cáo của Đảng ủy Chính phủ, tháng 5/2025',
    });
  });

  it('refuses a bad definition with field: problem and changes nothing', async () => {
    const cases: [unknown, string][] = [
      [{ comparison: 'range' }, 'targetValueMax: a range needs an upper bound'],
      [{ monitoringAgency: 'NOPE' }, 'monitoringAgency: no organisation has the code "NOPE"'],
      [{ baselineYear: 2031, baselineValue: 1 }, 'baselineYear: must be before the target year'],
      [{ baselineYear: 1999 }, 'baselineYear: must be 2000–2045'],
      [{ targetValue: 'lots' }, 'targetValue:'],
    ];
    for (const [body, message] of cases) {
      const res = await send('PATCH', `/api/targets/${CABLE}`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.message).toContain(message);
    }
    const stale = await send('PATCH', `/api/targets/${CABLE}`, { targetValue: 400, expectedVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect((await get(`/api/targets/${CABLE}/versions`)).json().target.version).toBe(2);
  });

  it('refuses bad values with a clear message and stores nothing', async () => {
    const before = await valueCount();
    const cases: [Record<string, unknown>, number, string][] = [
      [{ year: 2025, value: 60, unit: '%' }, 400, 'unit: must be the target\'s unit "Tbps", not "%"'],
      [{ year: 2025, value: 'see report' }, 400, 'value: must be a number, not "see report"'],
      [{ year: 1999, value: 60 }, 400, 'year: must be between 2000 and 2045'],
      [{ year: 2046, value: 60 }, 400, 'year: must be between 2000 and 2045'],
      [{ year: 2025 }, 400, 'value: is required for this target'],
      [{ year: 2025, value: 60, evidenceUrl: 'javascript:alert(1)' }, 400, 'evidenceUrl:'],
      [
        { year: 2025, value: 60, disaggregation: { key: 'province', value: '99' } },
        400,
        'not a province code',
      ],
      [{ year: 2025, value: 60, period: 'Q5' }, 400, 'period:'],
    ];
    for (const [body, status, message] of cases) {
      const res = await send('POST', `/api/targets/${CABLE}/values`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.json().error.message).toContain(message);
    }
    expect((await send('POST', '/api/targets/NO-SUCH/values', { year: 2025, value: 1 })).statusCode).toBe(
      404,
    );
    expect(await valueCount()).toBe(before);
  });

  it('keeps values private until accepted, then classes progress and projects it', async () => {
    const entered = await send('POST', `/api/targets/${CABLE}/values`, {
      year: 2026,
      value: '120,5',
      unit: 'tbps',
      source: 'Bộ KH&CN',
      evidenceUrl: 'https://example.org/report.pdf',
    });
    expect(entered.statusCode, entered.body).toBe(201);
    expect(entered.json()).toMatchObject({
      status: 'draft',
      value: 120.5,
      unit: 'Tbps',
      enteredBy: 'officer@most.gov.vn',
    });
    const id = entered.json().id;

    const duplicate = await send('POST', `/api/targets/${CABLE}/values`, { year: 2026, value: 121 });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.message).toContain('year: a value for 2026 already exists');

    expect((await get(`/api/public/targets/${CABLE}`)).json().values).toEqual([]);
    expect((await send('POST', `/api/target-values/${id}/accept`)).statusCode).toBe(409);

    expect((await send('POST', `/api/target-values/${id}/submit`)).json().status).toBe('submitted');
    const queue = (await get('/api/target-values')).json();
    expect(queue.items.map((v: { id: number }) => v.id)).toContain(id);
    expect((await get(`/api/public/targets/${CABLE}`)).json().values).toEqual([]);

    const cached = await get(`/api/public/targets/${CABLE}`);
    expect(cached.headers['x-cache']).toBe('hit');
    const accepted = await send('POST', `/api/target-values/${id}/accept`);
    expect(accepted.json()).toMatchObject({ status: 'accepted', reviewedBy: 'coordinator@most.gov.vn' });

    // Accepting moves the public-data epoch: the cached page is not served again.
    const fresh = await get(`/api/public/targets/${CABLE}`);
    expect(fresh.headers['x-cache']).toBe('miss');
    const detail = fresh.json();
    expect(detail.values).toEqual([
      expect.objectContaining({ year: 2026, value: 120.5, source: 'Bộ KH&CN', disaggregation: null }),
    ]);
    // 52 (2025) → 120.5 (2026): observed growth 1.31731; required (350/52)^(1/5) − 1 = 0.464242
    expect(detail.progress).toMatchObject({
      status: 'substantial_progress',
      method: 'growth_rate',
      baseline: { year: 2025, value: 52 },
      latest: { year: 2026, value: 120.5 },
      direction: 1,
      goal: 350,
    });
    expect(detail.progress.requiredGrowth).toBeCloseTo((350 / 52) ** (1 / 5) - 1, 4);
    // The worked example of docs/targets-progress.md: R = 1.31731 / 0.464242 = 2.83754.
    expect(detail.progress.ratio).toBeCloseTo(2.83754, 4);
    expect(detail.progress.neededTrajectory.at(-1)).toEqual({ year: 2030, value: 350 });
    expect(detail.progress.projection.year).toBe(2030);
    expect(detail.target.progressStatus).toBe('substantial_progress');
    const overview = (await get('/api/public/targets/progress')).json();
    expect(overview.byStatus.substantial_progress.map((i: { code: string }) => i.code)).toContain(CABLE);
    expect(await auditCount('target_value.accept')).toBeGreaterThanOrEqual(1);
  });

  it('returns a value with a reason; the agency corrects and submits it again', async () => {
    const entered = await send('POST', `/api/targets/${CABLE}/values`, {
      year: 2025,
      period: 'Q4',
      value: 60,
    });
    const id = entered.json().id;
    await send('POST', `/api/target-values/${id}/submit`);
    const noReason = await send('POST', `/api/target-values/${id}/return`, {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toBe('reason: is required to return a value');
    const returned = await send('POST', `/api/target-values/${id}/return`, {
      reason: 'Nguồn số liệu chưa rõ',
    });
    expect(returned.json()).toMatchObject({ status: 'returned', returnReason: 'Nguồn số liệu chưa rõ' });
    const fixed = await send('PUT', `/api/target-values/${id}`, {
      year: 2025,
      period: 'q4',
      value: 61,
      source: 'Cục Viễn thông',
    });
    expect(fixed.json()).toMatchObject({ status: 'draft', value: 61, period: 'Q4' });
    expect((await send('POST', `/api/target-values/${id}/submit`)).json()).toMatchObject({
      status: 'submitted',
      returnReason: null,
    });
    const all = (await get(`/api/targets/${CABLE}/values`)).json();
    expect(all.items.map((v: { status: string }) => v.status).sort()).toEqual(['accepted', 'submitted']);
  });

  it('classes a rank target where smaller is better, and a target already met', async () => {
    // T2030-33: cyber-security rank ≤ 10 by 2030.
    await send('PATCH', '/api/targets/T2030-33', { baselineValue: 25, baselineYear: 2020 });
    await acceptedValue('T2030-33', { year: 2024, value: 40 });
    expect((await get('/api/public/targets/T2030-33')).json().progress).toMatchObject({
      status: 'deterioration',
      direction: -1,
    });
    // AP2030-30: ≥ 95 % — met without a baseline.
    await acceptedValue('AP2030-30', { year: 2025, value: 96, unit: '%' });
    expect((await get('/api/public/targets/AP2030-30')).json().progress.status).toBe('target_achieved');
    // A value without a baseline that falls short: insufficient data, said so.
    await acceptedValue('AP2030-31', { year: 2025, value: 40 });
    expect((await get('/api/public/targets/AP2030-31')).json().progress).toMatchObject({
      status: 'insufficient_data',
      reason: 'no_baseline',
    });
  });

  it("shows a qualitative target's accepted assessment instead of a computed class", async () => {
    const bad = await send('POST', '/api/targets/T2030-03/values', { year: 2025, value: 3 });
    expect(bad.json().error.message).toContain('assessedClass: a qualitative target needs an assessment');
    await acceptedValue('T2030-03', {
      year: 2025,
      assessedClass: 'moderate_progress',
      assessmentText: 'Một số lĩnh vực đã đạt trình độ khu vực',
    });
    expect((await get('/api/public/targets/T2030-03')).json().progress).toMatchObject({
      status: 'moderate_progress',
      method: 'coordinator_assessment',
      ratio: null,
    });
  });

  it('keeps province breakdowns out of the headline series used for progress', async () => {
    await acceptedValue('AP2030-32', {
      year: 2025,
      value: 99,
      disaggregation: { key: 'province', value: '48' },
    });
    const detail = (await get('/api/public/targets/AP2030-32')).json();
    expect(detail.values[0].disaggregation).toEqual({ key: 'province', value: '48' });
    expect(detail.progress).toMatchObject({ status: 'insufficient_data', reason: 'no_value' });
  });

  describe('import', () => {
    const csv = (text: string) => Buffer.from(text, 'utf8');
    const post = (url: string, body: Buffer, type = 'text/csv') =>
      officer.request({ method: 'POST', url, payload: body, headers: { 'content-type': type } });

    it('previews row by row, then refuses the whole file while any row is wrong', async () => {
      const before = await valueCount();
      const file = csv(
        '\uFEFFMã chỉ tiêu;Năm;Tỉnh;Giá trị;Nguồn\n' +
          'AP2030-11.5;2024;;55,5;Tổng cục Thống kê\n' +
          'AP2030-11.5;2024;01;61;TCTK\n' +
          'AP2030-11.5;2024;;56;duplicate of row 2\n' +
          'AP2030-11.6;1990;;10;\n' +
          'AP2030-11.7;2024;;xem báo cáo;\n' +
          'NO-SUCH;2024;;1;\n',
      );
      const preview = await post('/api/target-imports/preview', file);
      expect(preview.statusCode, preview.body).toBe(200);
      const body = preview.json();
      expect(body).toMatchObject({ total: 6, valid: 2, errors: 4 });
      expect(body.rows[0]).toMatchObject({ row: 2, ok: true, value: 55.5, year: 2024 });
      expect(body.rows[1]).toMatchObject({ row: 3, ok: true, disaggregation: 'province=01' });
      expect(body.rows[2].issues[0]).toEqual({
        field: 'row 4, year',
        problem: 'row 2 already gives AP2030-11.5 for 2024',
      });
      expect(body.rows[3].issues[0].problem).toBe('must be between 2000 and 2045');
      expect(body.rows[4].issues[0]).toEqual({
        field: 'row 6, value',
        problem: 'must be a number, not "xem báo cáo"',
      });
      expect(body.rows[5].issues[0].problem).toBe('no target has the code "NO-SUCH"');

      const commit = await post('/api/target-imports', file);
      expect(commit.statusCode).toBe(400);
      expect(commit.json().error.issues).toHaveLength(4);
      expect(await valueCount()).toBe(before);
    });

    it('imports a clean .xlsx as drafts, all in one go, and then refuses the same rows as duplicates', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Giá trị');
      sheet.addRow(['target_code', 'year', 'disaggregation', 'value', 'unit', 'source']);
      sheet.addRow(['AP2030-11.9', 2023, null, 31.5, '%', 'Bộ Công Thương']);
      sheet.addRow(['AP2030-11.9', 2024, 'province=48', 40, '%', 'Sở Công Thương Đà Nẵng']);
      // A cell formatted as a percentage holds 0.42 for 42 %; province 1 is Hà Nội ("01").
      const percent = sheet.addRow(['AP2030-11.9', 2024, 'province=1', 0.42, '%', 'Sở Công Thương Hà Nội']);
      percent.getCell(4).numFmt = '0.0%';
      const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
      const before = await valueCount();
      const res = await post('/api/target-imports?fileName=gia-tri.xlsx', xlsx, 'application/octet-stream');
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().imported).toBe(3);
      expect(await valueCount()).toBe(before + 3);
      const values = (await get('/api/targets/AP2030-11.9/values')).json().items;
      expect(values.map((v: { status: string }) => v.status)).toEqual(['draft', 'draft', 'draft']);
      expect(values.find((v: { value: number }) => v.value === 42).disaggregation).toEqual({
        key: 'province',
        value: '01',
      });
      expect(await auditCount('target_value.import')).toBe(1);

      const again = await post('/api/target-imports/preview', xlsx, 'application/octet-stream');
      expect(again.json()).toMatchObject({ valid: 0, errors: 3 });
      expect(again.json().rows[0].issues[0].problem).toContain('already exists');
    });

    it('hands out a template that imports once filled in', async () => {
      const res = await get('/api/target-imports/template.xlsx');
      expect(res.statusCode).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const list = workbook.getWorksheet('Chỉ tiêu')!;
      expect(list.rowCount).toBe(68);
      const values = workbook.getWorksheet('Giá trị')!;
      values.addRow(['AP2030-11.12', 2025, null, null, 100, '%', 'Văn phòng Chính phủ']);
      const filled = Buffer.from(await workbook.xlsx.writeBuffer());
      const preview = (await post('/api/target-imports/preview', filled, 'application/octet-stream')).json();
      expect(preview).toMatchObject({ total: 1, valid: 1 });
      expect(preview.rows[0]).toMatchObject({ targetCode: 'AP2030-11.12', year: 2025, value: 100 });
    });

    it('answers a file it cannot read with a 400, not a 500', async () => {
      const cases: [Buffer, string, string][] = [
        [csv(''), 'text/csv', 'file: the file is empty'],
        [csv('year,value\n2024,1\n'), 'text/csv', 'file: needs a "target_code" column'],
        [csv('target_code,year,value\n"AP2030-11.9,2024,1\n'), 'text/csv', 'file: not a readable CSV'],
        [
          Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]),
          'application/octet-stream',
          'file: not a readable .xlsx',
        ],
        [Buffer.from([0xff, 0xfe, 0x41, 0x00]), 'text/csv', 'file: a CSV file must be saved as UTF-8'],
      ];
      for (const [body, type, message] of cases) {
        const res = await post('/api/target-imports/preview', body, type);
        expect(res.statusCode, message).toBe(400);
        expect(res.json().error.message).toContain(message);
      }
    });
  });

  it('checks the agency and the reviewer in the service when the actor is known', async () => {
    const db = t.database.db;
    const [org] = await rows<{ id: number }>(db, sql`SELECT id FROM org_unit WHERE code = '48'`);
    const province = { userId: 7, label: 'officer@danang', via: 'api' as const, orgId: org!.id };
    await expect(
      enterObservation(
        db,
        province,
        { programCode: 'NQ57', targetCode: 'AP2030-11.10' },
        { year: 2025, value: 50 },
      ),
    ).rejects.toMatchObject({ status: 403 });
    const [most] = await rows<{ id: number }>(
      db,
      sql`SELECT monitoring_agency_id AS id FROM target WHERE code = 'AP2030-11.10'`,
    );
    const officer = { userId: 8, label: 'officer@most', via: 'api' as const, orgId: most!.id };
    const created = await enterObservation(
      db,
      officer,
      { programCode: 'NQ57', targetCode: 'AP2030-11.10' },
      { year: 2025, value: 50 },
    );
    await reviewObservation(db, officer, created.id, 'submit');
    await expect(reviewObservation(db, officer, created.id, 'accept')).rejects.toMatchObject({ status: 403 });
    const coordinator = { userId: 9, label: 'coordinator@most', via: 'api' as const };
    expect((await reviewObservation(db, coordinator, created.id, 'accept')).status).toBe('accepted');
    // A duplicate that slips past the check (two people at once) meets the unique constraint: 409, not 500.
    const { id: _, ...copy } = created;
    await expect(guardDuplicate(() => observationsRepository(db).insert(copy))).rejects.toMatchObject({
      status: 409,
      code: 'conflict',
    });
  });

  it('downloads every target with its accepted values as CSV (with BOM) and JSON', async () => {
    const res = await get('/api/public/targets.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'target_code,indicator_group,text_vi,text_en,comparison,target_value,target_value_max,unit,target_year,' +
        'baseline_value,baseline_year,baseline_source,monitoring_agency,progress_status,progress_ratio,' +
        'year,period,disaggregation,value,assessed_class,source,evidence_url',
    );
    const cable = lines.filter((l) => l.startsWith(`${CABLE},`));
    // Only the accepted value; the submitted Q4 2025 value stays private.
    expect(cable).toHaveLength(1);
    expect(cable[0]).toContain(',2026,,,120.5,,Bộ KH&CN,https://example.org/report.pdf');
    const json = (await get('/api/public/targets.json')).json();
    expect(json.targets).toHaveLength(67);
    const t233 = json.targets.find((x: { code: string }) => x.code === CABLE);
    expect(t233.values).toHaveLength(1);
    expect(t233.progress.status).toBe('substantial_progress');
  });

  it('answers 404 for an unknown target and 400 for a malformed code', async () => {
    expect((await get('/api/public/targets/T9999')).statusCode).toBe(404);
    expect((await get('/api/public/targets/%3Cscript%3E')).statusCode).toBe(400);
  });
});
