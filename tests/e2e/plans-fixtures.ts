import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import type { Database } from '../../src/db/database.ts';
import { cliActor } from '../../src/modules/audit/actor.ts';
import { createUnit } from '../../src/modules/orgs/org-units.service.ts';

/** Hà Nội's code and two of its wards (the demo has no communes; codes as in QĐ 19/2025/QĐ-TTg). */
export const HANOI = '01';
export const WARDS = [
  { code: '00004', nameVi: 'Phường Ba Đình' },
  { code: '00070', nameVi: 'Phường Hoàn Kiếm' },
] as const;

/** The seed of the plans browser tests: the two wards under Hà Nội. */
export async function seedWards(database: Database): Promise<void> {
  for (const ward of WARDS)
    await createUnit(database.db, cliActor(), { ...ward, kind: 'ward', parentCode: HANOI });
}

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function workbook(rows: unknown[][], build?: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Kế hoạch bổ sung');
  for (const row of rows) ws.addRow(row);
  build?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * An appendix-shaped workbook whose headers are the office's own words (so the columns must be mapped),
 * under a title row. Row 5 has a deadline before the Program's assignment date unless `fixed`.
 * Deadlines: a date as text, an Excel date serial, and a date as text.
 */
export function appendixWorkbook(fixed: boolean): Promise<Buffer> {
  return workbook([
    ['KẾ HOẠCH BỔ SUNG NHIỆM VỤ THỰC HIỆN NGHỊ QUYẾT 57-NQ/TW'],
    ['Mã số', 'Việc cần làm', 'Đầu mối', 'Phối hợp', 'Kết quả', 'Hạn'],
    [
      '141',
      'Xây dựng cơ sở dữ liệu nhân lực khoa học, công nghệ của địa phương',
      'Các địa phương',
      'Bộ Thông tin và Truyền thông',
      'Cơ sở dữ liệu',
      '31/12/2027',
    ],
    [
      '142',
      'Số hoá quy trình giao và theo dõi nhiệm vụ của thành phố',
      'Thành phố Hà Nội',
      'Bộ Tài chánh',
      'Báo cáo',
      46752,
    ],
    [
      '143',
      'Tổng kết mô hình trung tâm đổi mới sáng tạo',
      'Bộ Khoa học và Công nghệ',
      null,
      'Báo cáo',
      fixed ? '30/6/2026' : '30/6/2024',
    ],
  ]);
}

/** Chooses a file through a file input found by its label (the input may be visually hidden). */
export async function chooseFile(page: Page, label: string, name: string, buffer: Buffer, mimeType = XLSX) {
  await page.getByLabel(label, { exact: true }).setInputFiles({ name, mimeType, buffer });
}

/**
 * Drops the 4xx answers a test caused on purpose (a refusal it checks): the response lines for those
 * URLs and Chromium's console line for a 4xx (which names no URL). Anything else stays a problem.
 */
export function expectRefusals(problems: string[], ...urlParts: string[]): void {
  const expected = (p: string) =>
    (/^HTTP 4\d\d:/.test(p) && urlParts.some((u) => p.includes(u))) ||
    /^console error: Failed to load resource: the server responded with a status of 4\d\d/.test(p);
  problems.splice(0, problems.length, ...problems.filter((p) => !expected(p)));
}
