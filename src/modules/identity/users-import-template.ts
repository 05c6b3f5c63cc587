import type { Db } from '../../db/database.ts';
import { ROLES, type Role } from '../access/roles.ts';
import type { Subject } from '../access/subject.ts';
import { templateWorkbook } from '../orgs/import-template.ts';
import { orgUnitsRepository } from '../orgs/org-units.repository.ts';

/** How the template names each role for the person filling it in (the file takes the code). */
const ROLE_NAMES_VI: Record<Role, string> = {
  system_admin: 'Quản trị hệ thống',
  coordinator: 'Điều phối Chương trình',
  focal_officer: 'Cán bộ đầu mối',
  agency_head: 'Người đứng đầu cơ quan',
  steering_viewer: 'Thành viên Ban Chỉ đạo',
  auditor: 'Kiểm toán',
};

/**
 * The people file to fill in: the columns the importer reads, the units the administrator may add
 * people to (current ones, with codes as text), and the roles with their codes.
 */
export async function peopleImportTemplate(db: Db, admin: Subject): Promise<Buffer> {
  const units = await orgUnitsRepository(db).byIds([...admin.unitsFor('system_admin')]);
  return templateWorkbook([
    {
      name: 'Người dùng',
      columns: [
        { header: 'Họ tên', width: 28 },
        { header: 'Email', width: 30 },
        { header: 'Chức danh', width: 22 },
        { header: 'Mã đơn vị', width: 12, text: true },
        { header: 'Vai trò', width: 30 },
      ],
    },
    {
      name: 'Đơn vị',
      columns: [
        { header: 'Mã đơn vị', width: 12, text: true },
        { header: 'Tên đơn vị', width: 50 },
      ],
      rows: units.filter((u) => !u.validTo).map((u) => [u.code, u.nameVi]),
    },
    {
      name: 'Vai trò',
      columns: [
        { header: 'Vai trò (ghi vào tệp)', width: 20 },
        { header: 'Tên', width: 26 },
        { header: 'Ghi chú', width: 40 },
      ],
      rows: [
        ...ROLES.map((r) => [r, ROLE_NAMES_VI[r], null]),
        ['', '', 'Nhiều vai trò cách nhau bằng dấu ";". Vai trò giữ tại đơn vị của người đó.'],
      ],
    },
  ]);
}
