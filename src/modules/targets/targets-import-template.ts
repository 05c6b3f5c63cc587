import ExcelJS from 'exceljs';
import type { Db } from '../../db/database.ts';
import { requireProgram } from '../program/program.service.ts';
import { targetsRepository } from './targets.repository.ts';

/**
 * An empty import workbook: the "Giá trị" sheet with the import columns, and a "Chỉ tiêu" sheet listing
 * the targets (code, text, unit, comparison, target) so officers copy codes and units instead of typing.
 */
export async function importTemplate(db: Db, programCode: string): Promise<Buffer> {
  const program = await requireProgram(db, programCode);
  const targets = await targetsRepository(db).list({ programId: program.id });
  const workbook = new ExcelJS.Workbook();
  const values = workbook.addWorksheet('Giá trị');
  values.columns = [
    { header: 'target_code', width: 16 },
    { header: 'year', width: 8 },
    { header: 'period', width: 8 },
    { header: 'disaggregation', width: 16 },
    { header: 'value', width: 12 },
    { header: 'unit', width: 16 },
    { header: 'source', width: 30 },
    { header: 'note', width: 30 },
    { header: 'evidence', width: 30 },
  ];
  values.getRow(1).font = { bold: true };
  values.views = [{ state: 'frozen', ySplit: 1 }];
  const list = workbook.addWorksheet('Chỉ tiêu');
  list.columns = [
    { header: 'target_code', width: 16 },
    { header: 'text_vi', width: 80 },
    { header: 'unit', width: 20 },
    { header: 'comparison', width: 12 },
    { header: 'target_value', width: 14 },
    { header: 'target_year', width: 12 },
    { header: 'monitoring_agency', width: 18 },
  ];
  list.getRow(1).font = { bold: true };
  for (const t of targets) {
    list.addRow([
      t.code,
      t.textVi,
      t.unit,
      t.comparison,
      t.targetValueText,
      t.targetYear,
      t.monitoringAgencyCode,
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
