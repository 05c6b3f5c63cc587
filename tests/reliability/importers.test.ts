import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, rows } from '../../src/db/database.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { reliabilityEngines } from '../helpers/db.ts';
import { changedTables, dataFingerprint } from '../helpers/fingerprint.ts';
import { hostileText, IMPOSSIBLE_DATES } from '../helpers/hostile-input.ts';
import { makeUser, SAME_ORIGIN, signInAs } from '../helpers/identity.ts';
import { unclearRefusal } from '../helpers/refusals.ts';

/** Random runs per importer and engine, after the 8 fixed examples below. */
const RUNS = Number(process.env.RELIABILITY_FC_RUNS ?? 12);
const SEED = Number(process.env.RELIABILITY_FC_SEED ?? 57);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** One importer: its two endpoints, how a file reaches them, and a valid file to start from. */
interface Importer {
  name: string;
  preview: string;
  commit: string;
  /** multipart/form-data, or the file as the body (every importer since decision 066). */
  multipart: boolean;
  header: string[];
  row(tag: string, i: number): string[];
}

/** Every importer the platform has. A route that accepts a file and is not here fails the first test. */
const IMPORTERS: Importer[] = [
  {
    name: 'register',
    preview: '/api/register/import/preview?program=NQ57',
    commit: '/api/register/import?program=NQ57',
    multipart: false,
    header: ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Sản phẩm', 'Thời hạn', 'Nhóm'],
    row: (tag, i) => [
      `IM${tag}-${i}`,
      `Xây dựng nền tảng số dùng chung, đợt ${tag}`,
      'Bộ Khoa học và Công nghệ',
      'Bộ Tài chính',
      'Đề án',
      'Quý IV/2027',
      '2',
    ],
  },
  {
    name: 'people',
    preview: '/api/users/import/preview',
    commit: '/api/users/import/commit',
    multipart: false,
    // English headings: with ASCII headings, a file in another encoding is only wrong in its names.
    header: ['Name', 'Email', 'Title', 'Unit', 'Roles'],
    row: (tag, i) => [
      `Nguyễn Thị Hương ${tag}`,
      `p${tag}-${i}@most.gov.vn`,
      'Chuyên viên',
      'BKHCN',
      'focal_officer',
    ],
  },
  {
    name: 'communes',
    preview: '/api/orgs/import/preview?type=communes',
    commit: '/api/orgs/import/commit?type=communes',
    multipart: false,
    header: ['Mã xã', 'Tên', 'Loại', 'Mã tỉnh'],
    row: (tag, i) => [`9${tag.padStart(3, '0').slice(-3)}${i}`, `Xã Thử Nghiệm ${tag}-${i}`, 'xã', '01'],
  },
  {
    name: 'departments',
    preview: '/api/orgs/import/preview?type=departments',
    commit: '/api/orgs/import/commit?type=departments',
    multipart: false,
    header: ['Mã đơn vị', 'Tên đơn vị', 'Mã cơ quan chủ quản'],
    row: (tag, i) => [`SO_TN_${tag}_${i}`, `Sở Khoa học và Công nghệ thử ${tag}`, '01'],
  },
  {
    name: 'target values',
    preview: '/api/target-imports/preview?program=NQ57',
    commit: '/api/target-imports?program=NQ57',
    multipart: false,
    header: ['Mã chỉ tiêu', 'Năm', 'Tỉnh', 'Giá trị', 'Nguồn'],
    row: (tag, i) => [
      'AP2030-11.5',
      String(2000 + ((Number(tag) * 3 + i) % 45)),
      '',
      '55,5',
      'Tổng cục Thống kê',
    ],
  },
];

/** How a valid file is spoiled before it is sent. */
type Spoil =
  | { kind: 'none' }
  | { kind: 'cell'; row: number; col: number; value: string }
  | { kind: 'date'; row: number; value: string }
  | { kind: 'nfd' }
  | { kind: 'encoding'; encoding: 'windows-1258' | 'utf-16le' | 'utf-16be' }
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number; byte: number }
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'header-only' }
  | { kind: 'huge-row'; copies: number };

const spoils: fc.Arbitrary<Spoil> = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('cell' as const),
      row: fc.nat(3),
      col: fc.nat(6),
      value: hostileText(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('date' as const),
      row: fc.nat(3),
      value: fc.constantFrom(...IMPOSSIBLE_DATES),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ kind: 'nfd' as const }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('encoding' as const),
      encoding: fc.constantFrom('windows-1258' as const, 'utf-16le' as const, 'utf-16be' as const),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('truncate' as const),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('flip' as const),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      byte: fc.nat(255),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('bytes' as const),
      bytes: fc.oneof(
        fc.uint8Array({ maxLength: 200 }),
        fc.constant(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0])),
        fc.constant(new Uint8Array()),
      ),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'header-only' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('huge-row' as const),
      copies: fc.integer({ min: 2000, max: 6000 }),
    }),
  },
);

const csvCell = (v: string) => (/[",;\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

async function buildFile(
  importer: Importer,
  tag: string,
  count: number,
  format: 'csv' | 'xlsx',
  spoil: Spoil,
): Promise<Buffer> {
  let table = [importer.header, ...Array.from({ length: count }, (_, i) => importer.row(tag, i + 1))];
  if (spoil.kind === 'cell') {
    const r = 1 + (spoil.row % count);
    table[r]![spoil.col % importer.header.length] = spoil.value;
  } else if (spoil.kind === 'date') {
    // The deadline, the year, or whatever the last dated column is: a date that does not exist.
    const r = 1 + (spoil.row % count);
    const col = importer.header.findIndex((h) => /Thời hạn|Năm/.test(h));
    table[r]![col >= 0 ? col : importer.header.length - 1] = spoil.value;
  } else if (spoil.kind === 'nfd') {
    table = table.map((r) => r.map((c) => c.normalize('NFD')));
  } else if (spoil.kind === 'header-only') {
    table = [importer.header];
  } else if (spoil.kind === 'huge-row') {
    table = [importer.header, ...Array.from({ length: spoil.copies }, (_, i) => importer.row(tag, i + 1))];
  }
  let bytes: Buffer;
  if (format === 'xlsx') {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    for (const r of table) sheet.addRow(r);
    bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  } else {
    const text = `${table.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
    bytes =
      spoil.kind === 'encoding'
        ? spoil.encoding === 'windows-1258'
          ? iconv.encode(text, 'windows1258')
          : iconv.encode(text, spoil.encoding, { addBOM: true })
        : Buffer.from(text, 'utf8');
  }
  if (spoil.kind === 'truncate') bytes = bytes.subarray(0, Math.floor(bytes.length * spoil.at));
  if (spoil.kind === 'flip' && bytes.length) {
    bytes = Buffer.from(bytes);
    bytes[Math.min(bytes.length - 1, Math.floor(bytes.length * spoil.at))] = spoil.byte;
  }
  if (spoil.kind === 'bytes') bytes = Buffer.from(spoil.bytes);
  return bytes;
}

function upload(
  importer: Importer,
  url: string,
  bytes: Buffer,
  format: 'csv' | 'xlsx',
  cookie: string,
): InjectOptions {
  const fileName = `nhap-thu.${format}`;
  const headers = { ...SAME_ORIGIN, cookie: `sid=${cookie}` };
  if (!importer.multipart)
    return {
      method: 'POST',
      url: url.startsWith('/api/users') ? url : `${url}${url.includes('?') ? '&' : '?'}fileName=${fileName}`,
      headers: { ...headers, 'content-type': format === 'xlsx' ? XLSX : 'text/csv' },
      payload: bytes,
    };
  const boundary = '----nq57reliability';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
        `Content-Type: ${format === 'xlsx' ? XLSX : 'text/csv'}\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return {
    method: 'POST',
    url,
    headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  };
}

/** Text the import stored that is not in NFC (Vietnamese must be stored composed, whatever arrived). */
async function notNfc(db: Db, tables: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const table of tables) {
    const columns = await rows<{ name: string }>(
      db,
      sql`SELECT column_name AS name FROM information_schema.columns
           WHERE table_schema = 'public' AND table_name = ${table} AND data_type = 'text'`,
    );
    for (const { name } of columns) {
      const [bad] = await rows<{ n: number }>(
        db,
        sql.raw(
          `SELECT count(*)::int AS n FROM "${table}" WHERE "${name}" IS NOT NULL AND NOT ("${name}" IS NFC NORMALIZED)`,
        ),
      );
      if (bad!.n > 0) found.push(`${table}.${name}`);
    }
  }
  return found;
}

/**
 * Issue 8, bad input to every importer (register, people, communes and departments, target values):
 * valid files spoiled one way each (a hostile cell, an impossible date, decomposed Unicode, Windows-1258
 * or UTF-16, cut short, a flipped byte, junk, too many rows), as CSV and .xlsx, to preview and commit.
 * Rule: never a 5xx; a refusal is clear and changes nothing; a preview never writes; an accepted file
 * is stored in NFC; a file in another encoding is never imported as mojibake.
 */
describe.each(reliabilityEngines())('bad files to every importer on %s', { timeout: 900_000 }, (engine) => {
  let t: TestApp;
  let cookie = '';

  beforeAll(async () => {
    t = await createTestApp(engine, { identity: { rateLimits: { signIn: 1_000_000, writes: 1_000_000 } } });
    // Every role, so no policy stops a request before its body is read.
    await makeUser(t.app.identity, 'importer@bad-files.gov.vn', 'BKHCN', [
      { role: 'system_admin', unit: 'CP', subUnits: true },
      { role: 'steering_viewer', unit: 'CP', subUnits: true },
      { role: 'auditor', unit: 'CP', subUnits: true },
      { role: 'coordinator' },
      { role: 'focal_officer' },
      { role: 'agency_head' },
    ]);
    cookie = (await signInAs(t.app, 'importer@bad-files.gov.vn')).cookie;
  });
  afterAll(() => t?.close());

  it('knows every route that accepts a file', async () => {
    // A route takes files if its handler reads a CSV body, sent raw or as multipart: JSON routes answer
    // 415 (no parser for it) or refuse the body by its shape ("body: …") before any handler runs.
    const csv = Buffer.from('a,b\r\n1,2\r\n');
    const takesFiles: string[] = [];
    for (const route of t.app.routeTable.filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method))) {
      const url = route.url.replace(/:(\w+)/g, '1');
      for (const multipart of [false, true]) {
        const sent = upload({ ...IMPORTERS[0]!, multipart }, url, csv, 'csv', cookie);
        const method = route.method as InjectOptions['method'];
        const res = await t.app.inject({ ...sent, method });
        if (res.statusCode === 415 || /"message":"(body\b|Unsupported Media Type)/.test(res.body)) continue;
        // A JSON route that also parses the CSV body (its plugin registered a raw parser) answers the file
        // exactly as it answers an empty JSON object: it never read the file. (Asked only of routes that
        // did not refuse the file, so sign-out and the like are never called with a body they accept.)
        const asJson = await t.app.inject({
          method,
          url: sent.url,
          headers: { ...SAME_ORIGIN, cookie: `sid=${cookie}`, 'content-type': 'application/json' },
          payload: '{}',
        });
        const readTheFile = res.statusCode !== asJson.statusCode || res.body !== asJson.body;
        if (readTheFile && !takesFiles.includes(route.url)) takesFiles.push(route.url);
      }
    }
    const known = new Set(IMPORTERS.flatMap((i) => [i.preview, i.commit].map((u) => u.split('?')[0]!)));
    // Evidence files (POST /api/files) are stored as they are, checked by content: not an importer. The
    // import wizard's column reader (register/import/columns) only lists a file's headings: it writes nothing.
    const notImporters = ['/api/files', '/api/register/import/columns'];
    expect(takesFiles.filter((u) => !known.has(u) && !notImporters.includes(u))).toEqual([]);
    expect([...known].filter((u) => !takesFiles.includes(u))).toEqual([]);
  });

  it.each(IMPORTERS.map((i) => [i.name, i] as const))(
    '%s: a clear 4xx for every bad file, nothing half imported',
    async (_name, importer) => {
      const problems: string[] = [];
      const statuses = new Map<number, number>();
      let tagNo = 0;
      await fc
        .assert(
          fc.asyncProperty(
            spoils,
            fc.constantFrom('csv' as const, 'xlsx' as const),
            fc.integer({ min: 1, max: 4 }),
            fc.boolean(),
            async (spoil, format, count, commit) => {
              const tag = String(100 + (tagNo++ % 900));
              const bytes = await buildFile(
                importer,
                `${tag}${engine === 'postgres' ? 1 : 0}`,
                count,
                format,
                spoil,
              );
              const before = await dataFingerprint(t.database.db);
              const res = await t.app.inject(
                upload(importer, commit ? importer.commit : importer.preview, bytes, format, cookie),
              );
              const after = await dataFingerprint(t.database.db);
              const changed = changedTables(before, after);
              statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
              const where = `${commit ? 'commit' : 'preview'} of ${format} spoiled by ${JSON.stringify(spoil).slice(0, 160)}`;
              if (res.statusCode >= 500)
                problems.push(`${where}: ${res.statusCode} ${res.body.slice(0, 300)}`);
              else if (res.statusCode >= 400) {
                const unclear = unclearRefusal(res);
                if (unclear) problems.push(`${where}: ${unclear}`);
                if (changed.length) problems.push(`${where}: refused but changed ${changed.join(', ')}`);
              } else if (!commit && changed.length) {
                problems.push(`${where}: a preview changed ${changed.join(', ')}`);
              } else if (commit) {
                if (spoil.kind === 'encoding' && format === 'csv' && changed.length)
                  problems.push(`${where}: a ${spoil.encoding} file was imported`);
                const composed = await notNfc(
                  t.database.db,
                  changed.filter((c) => c !== 'audit_event'),
                );
                if (composed.length)
                  problems.push(`${where}: stored text not in NFC in ${composed.join(', ')}`);
              }
              return problems.length === 0;
            },
          ),
          {
            numRuns: RUNS + 8,
            seed: SEED + importer.name.length,
            endOnFailure: true,
            // Every kind of spoil the issue names, always, before the random ones.
            examples: [
              [{ kind: 'encoding', encoding: 'windows-1258' }, 'csv', 2, true],
              [{ kind: 'encoding', encoding: 'utf-16le' }, 'csv', 2, true],
              [{ kind: 'nfd' }, 'csv', 2, true],
              [{ kind: 'nfd' }, 'xlsx', 1, true],
              [{ kind: 'date', row: 0, value: '31/02/2025' }, 'csv', 2, true],
              [{ kind: 'truncate', at: 0.6 }, 'xlsx', 3, true],
              [{ kind: 'cell', row: 0, col: 1, value: "'; DROP TABLE task; --" }, 'csv', 1, true],
              [{ kind: 'cell', row: 1, col: 0, value: 'Ư'.repeat(100_000) }, 'csv', 2, true],
            ],
          },
        )
        .catch(() => {});
      const answers = [...statuses].sort(([a], [b]) => a - b).map(([st, n]) => `${st}×${n}`);
      console.log(`${importer.name} on ${engine}: answers ${answers.join(', ')}`);
      expect(problems).toEqual([]);
    },
  );
});
