// Benchmark (not a test): a 10,000-row register workbook, read (a) with exceljs alone and (b) through
// the full import, preview then commit, on PGlite; both in this run, on this machine.
//   npx tsx bench/import-10k.ts [rows]
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { openDatabase } from '../src/db/database.ts';
import { cliActor } from '../src/modules/audit/actor.ts';
import { readProgramData } from '../src/modules/program/program-data.ts';
import { loadProgram } from '../src/modules/program/program-loader.service.ts';
import { commitImport, previewImport } from '../src/modules/register-io/register-import.service.ts';

const ROWS = Number(process.argv[2] ?? 10_000);
const HEADER = ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Sản phẩm', 'Thời hạn', 'Nhóm'];

/** Rows made from the bundled appendix, cycled, so names, legacy names and deadlines are realistic. */
async function buildWorkbook(): Promise<Buffer> {
  const source = readProgramData().program.groups.flatMap((g) =>
    g.appendix_03_tasks.map((t) => ({ ...t, group: g.no })),
  );
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh mục nhiệm vụ');
  ws.addRow(['DANH MỤC NHIỆM VỤ (bench)']);
  ws.addRow(HEADER);
  for (let i = 0; i < ROWS; i++) {
    const t = source[i % source.length]!;
    ws.addRow([
      i + 1,
      `${t.text_vi} (lần ${Math.floor(i / source.length) + 1})`,
      t.lead ?? '',
      t.partners ?? '',
      t.product ?? '',
      t.deadline ?? 'Hằng năm',
      t.group,
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function readWithExceljsAlone(bytes: Buffer): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  let cells = 0;
  wb.worksheets[0]!.eachRow((row) => {
    row.eachCell(() => {
      cells++;
    });
  });
  return cells;
}

const ms = (start: number) => performance.now() - start;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const bytes = await buildWorkbook();
console.log(`workbook: ${ROWS} rows, ${(bytes.length / 1024 / 1024).toFixed(2)} MB`);

await readWithExceljsAlone(bytes); // warm-up
const reads: number[] = [];
for (let i = 0; i < 3; i++) {
  const start = performance.now();
  await readWithExceljsAlone(bytes);
  reads.push(ms(start));
}

const database = await openDatabase({ engine: 'pglite' });
await database.migrate();
await loadProgram(database);
await database.db.execute(
  sql`INSERT INTO program (code, name_vi, document_no, document_date) VALUES ('BENCH', 'Bench', '03/NQ-CP', '2025-01-09')`,
);
const input = { programCode: 'BENCH', bytes, format: 'xlsx' as const, fileName: 'bench.xlsx' };
let start = performance.now();
const preview = await previewImport(database.db, input);
const previewMs = ms(start);
start = performance.now();
const result = await commitImport(database.db, cliActor(), input);
const commitMs = ms(start);
await database.close();
if (preview.summary.withErrors > 0 || result.imported !== ROWS)
  throw new Error('bench import did not import every row');

const readMs = median(reads);
const fullMs = previewMs + commitMs;
console.log(
  `(a) exceljs alone, load + visit every cell: ${readMs.toFixed(0)} ms (median of 3: ${reads.map((r) => r.toFixed(0)).join(', ')})`,
);
console.log(
  `(b) import on PGlite: preview ${previewMs.toFixed(0)} ms + commit ${commitMs.toFixed(0)} ms = ${fullMs.toFixed(0)} ms`,
);
console.log(
  `    (the commit re-reads and re-checks the file, then writes ${result.imported} tasks in one transaction)`,
);
console.log(
  `ratio (b)/(a): ${(fullMs / readMs).toFixed(1)}×; preview alone ${(previewMs / readMs).toFixed(1)}×`,
);
