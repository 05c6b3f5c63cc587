import ExcelJS from 'exceljs';

/** One sheet of an import template: its columns, and for reference sheets the rows to list. */
export interface TemplateSheet {
  name: string;
  columns: {
    header: string;
    width: number /** Typed as text, so Excel keeps "01" and "00004". */;
    text?: boolean;
  }[];
  rows?: (string | null)[][];
}

/**
 * An import workbook: the first sheet is the one the importer reads (headers only, code columns as text),
 * the others list what may be written in it (unit codes, roles), to copy from rather than type.
 */
export async function templateWorkbook(sheets: TemplateSheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const s of sheets) {
    const sheet = workbook.addWorksheet(s.name);
    sheet.columns = s.columns.map((c) => ({
      header: c.header,
      width: c.width,
      ...(c.text ? { style: { numFmt: '@' } } : {}),
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    for (const row of s.rows ?? []) sheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
