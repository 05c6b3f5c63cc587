import type { Db } from '../../db/database.ts';
import { templateWorkbook } from './import-template.ts';
import type { ImportType } from './org-import.service.ts';
import { CENTRAL_KINDS, PROVINCIAL_KINDS } from './org-rules.ts';
import { orgUnitsRepository } from './org-units.repository.ts';
import type { ManageScope } from './org-units.service.ts';

/**
 * The file to fill in for an import of communes or departments: the columns the importer reads (in
 * Vietnamese), and a second sheet with the parents the caller may import under (provinces for
 * communes; central bodies and provinces for departments).
 */
export async function orgImportTemplate(db: Db, type: ImportType, may: ManageScope): Promise<Buffer> {
  const kinds = type === 'communes' ? PROVINCIAL_KINDS : [...CENTRAL_KINDS, ...PROVINCIAL_KINDS];
  const { items } = await orgUnitsRepository(db).list({
    kinds,
    status: 'current',
    limit: 1000,
    offset: 0,
  });
  const parents = items.filter((u) => may(u.id)).map((u) => [u.code, u.nameVi]);
  const columns =
    type === 'communes'
      ? [
          { header: 'Mã xã', width: 10, text: true },
          { header: 'Tên', width: 32 },
          { header: 'Loại', width: 10 },
          { header: 'Mã tỉnh', width: 10, text: true },
          { header: 'Tên tiếng Anh', width: 28 },
        ]
      : [
          { header: 'Mã đơn vị', width: 16, text: true },
          { header: 'Tên đơn vị', width: 40 },
          { header: 'Mã đơn vị cấp trên', width: 18, text: true },
          { header: 'Tên tiếng Anh', width: 32 },
        ];
  return templateWorkbook([
    { name: type === 'communes' ? 'Xã, phường' : 'Đơn vị trực thuộc', columns },
    {
      name: type === 'communes' ? 'Tỉnh, thành phố' : 'Đơn vị cấp trên',
      columns: [
        { header: 'Mã', width: 12, text: true },
        { header: 'Tên', width: 48 },
      ],
      rows: parents,
    },
  ]);
}
