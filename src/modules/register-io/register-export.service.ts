import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { Db } from '../../db/database.ts';
import { parseIso, toVietnameseDate } from '../calendar/iso-date.ts';
import { requireProgram } from '../program/program.service.ts';
import { HEADERS_VI, type RegisterField } from './register-columns.ts';
import { registerIoRepository } from './register-io.repository.ts';

export type ExportKind = 'register' | 'ledger';
export type ExportFormat = 'xlsx' | 'csv';

/** The appendix's columns in its order, then the group; the ledger adds the due date. */
const REGISTER_COLUMNS: RegisterField[] = ['no', 'task', 'lead', 'partners', 'product', 'deadline', 'group'];
const DUE_DATE_HEADER = 'Hạn hoàn thành (ngày)';
const WIDTHS: Record<RegisterField | 'due', number> = {
  no: 7,
  task: 70,
  lead: 28,
  partners: 34,
  product: 28,
  deadline: 16,
  group: 8,
  due: 16,
};
// Decree 30/2020/NĐ-CP: administrative documents in Times New Roman, 13–14 pt.
const FONT = { name: 'Times New Roman', size: 13 };

type Cell = string | number | Date | null;

export interface RegisterExport {
  bytes: Buffer;
  fileName: string;
  contentType: string;
  rows: number;
}

async function registerTable(db: Db, programCode: string, kind: ExportKind) {
  const program = await requireProgram(db, programCode);
  const repo = registerIoRepository(db);
  const tasks = await repo.exportRows(program.id);
  // A task built in the platform has no cell text yet: write its agencies' names instead.
  const missing = tasks
    .filter((t) => t.leadAsWritten === null || t.partnersAsWritten === null)
    .map((t) => t.id);
  const names = await repo.agencyNames(missing);
  const joined = (taskId: number, role: 'lead' | 'partner') =>
    names
      .filter((n) => n.taskId === taskId && n.role === role)
      .map((n) => n.name)
      .join(', ') || null;
  const headers = [
    ...REGISTER_COLUMNS.map((f) => HEADERS_VI[f]),
    ...(kind === 'ledger' ? [DUE_DATE_HEADER] : []),
  ];
  const ROMAN = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
  const rows: { heading: boolean; cells: Cell[] }[] = [];
  let group: number | null = null;
  for (const t of tasks) {
    // A heading row per group, as the appendix has: "I | <group title>"; the importer reads it back.
    if (t.groupNo !== group && ROMAN[t.groupNo]) {
      const heading: Cell[] = [ROMAN[t.groupNo]!, t.groupTitle, null, null, null, null, t.groupNo];
      if (kind === 'ledger') heading.push(null);
      rows.push({ heading: true, cells: heading });
    }
    group = t.groupNo;
    const cells: Cell[] = [
      /^\d{1,9}$/.test(t.code) ? Number(t.code) : t.code,
      t.contentVi,
      t.leadAsWritten ?? joined(t.id, 'lead'),
      t.partnersAsWritten ?? joined(t.id, 'partner'),
      t.productAsWritten,
      t.deadlineAsWritten,
      t.groupNo,
    ];
    if (kind === 'ledger') cells.push(t.dueDate);
    rows.push({ heading: false, cells });
  }
  return { program, headers, rows, taskCount: tasks.length };
}

export async function exportRegister(
  db: Db,
  options: { programCode: string; kind: ExportKind; format: ExportFormat },
): Promise<RegisterExport> {
  const { program, headers, rows, taskCount } = await registerTable(db, options.programCode, options.kind);
  const base = `${options.kind === 'ledger' ? 'so-theo-doi' : 'danh-muc-nhiem-vu'}-${program.code.toLowerCase()}`;
  const dueColumn = options.kind === 'ledger' ? REGISTER_COLUMNS.length : -1;
  if (options.format === 'csv') {
    const records = rows.map(({ cells }) =>
      cells.map((c, i) => (c === null ? '' : i === dueColumn ? toVietnameseDate(String(c)) : String(c))),
    );
    // A BOM, so Excel opens the Vietnamese text as UTF-8.
    const text = stringify([headers, ...records], { bom: true, record_delimiter: 'windows' });
    return {
      bytes: Buffer.from(text, 'utf8'),
      fileName: `${base}.csv`,
      contentType: 'text/csv; charset=utf-8',
      rows: taskCount,
    };
  }

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'NQ57 Monitor';
  const sheet = workbook.addWorksheet(options.kind === 'ledger' ? 'Sổ theo dõi' : 'Danh mục nhiệm vụ', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', ySplit: 3 }],
  });
  sheet.columns = [...REGISTER_COLUMNS, ...(options.kind === 'ledger' ? (['due'] as const) : [])].map(
    (f) => ({
      width: WIDTHS[f],
    }),
  );
  // Title rows above the header, never merged: the importer refuses merged cells.
  const title = sheet.addRow([options.kind === 'ledger' ? 'SỔ THEO DÕI NHIỆM VỤ' : 'DANH MỤC NHIỆM VỤ']);
  title.font = { ...FONT, bold: true };
  const subtitle = sheet.addRow([`${program.nameVi} (${program.documentNo})`]);
  subtitle.font = { ...FONT, italic: true };
  const header = sheet.addRow(headers);
  header.eachCell((cell) => {
    cell.font = { ...FONT, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
  });
  for (const r of rows) {
    const row = sheet.addRow(r.cells.map((c, i) => (i === dueColumn && c ? parseIso(String(c)) : c)));
    for (let i = 1; i <= headers.length; i++) {
      const cell = row.getCell(i);
      cell.font = { ...FONT, bold: r.heading };
      cell.border = BORDER;
      cell.alignment = { vertical: 'top', wrapText: true, horizontal: i === 1 || i > 5 ? 'center' : 'left' };
      if (i - 1 === dueColumn) cell.numFmt = 'dd/mm/yyyy';
    }
  }
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return {
    bytes,
    fileName: `${base}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    rows: taskCount,
  };
}

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
