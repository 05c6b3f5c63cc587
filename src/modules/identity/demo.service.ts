import type { Role } from '../access/roles.ts';
import { systemActor } from '../audit/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { IdentityContext } from './auth.service.ts';
import { usersRepository } from './users.repository.ts';
import { createUser } from './users.service.ts';

/** Documented in docs/roles.md; demo accounts exist only on the embedded database in demo mode. */
export const DEMO_PASSWORD = 'nq57-demo-2026';

interface DemoAccount {
  email: string;
  name: string;
  title: string;
  unit: string;
  role: Role;
  subUnits?: boolean;
}

// `.example` is a reserved top-level domain: no demo message can reach a real mailbox.
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    email: 'admin@nq57.example',
    name: 'Quản trị hệ thống (demo)',
    title: 'Quản trị viên',
    unit: 'CP',
    role: 'system_admin',
    subUnits: true,
  },
  {
    email: 'coordinator@nq57.example',
    name: 'Điều phối Chương trình (demo)',
    title: 'Chuyên viên điều phối',
    unit: 'BKHCN',
    role: 'coordinator',
  },
  {
    email: 'focal.bkhcn@nq57.example',
    name: 'Đầu mối Bộ KH&CN (demo)',
    title: 'Chuyên viên',
    unit: 'BKHCN',
    role: 'focal_officer',
  },
  {
    email: 'focal.hanoi@nq57.example',
    name: 'Đầu mối TP Hà Nội (demo)',
    title: 'Chuyên viên',
    unit: '01',
    role: 'focal_officer',
  },
  {
    email: 'head.bkhcn@nq57.example',
    name: 'Lãnh đạo Bộ KH&CN (demo)',
    title: 'Thứ trưởng',
    unit: 'BKHCN',
    role: 'agency_head',
  },
  {
    email: 'head.hanoi@nq57.example',
    name: 'Lãnh đạo TP Hà Nội (demo)',
    title: 'Phó Chủ tịch UBND',
    unit: '01',
    role: 'agency_head',
  },
  {
    email: 'steering@nq57.example',
    name: 'Thành viên Ban Chỉ đạo (demo)',
    title: 'Ủy viên',
    unit: 'CP',
    role: 'steering_viewer',
    subUnits: true,
  },
  {
    email: 'auditor@nq57.example',
    name: 'Kiểm toán (demo)',
    title: 'Kiểm toán viên',
    unit: 'CP',
    role: 'auditor',
    subUnits: true,
  },
];

/**
 * On start: in demo mode, adds the demo accounts that are missing (idempotent); otherwise deletes every
 * demo account with its roles, sessions and reset links, so nothing of the demo can sign in.
 */
export async function applyDemoMode(ctx: IdentityContext): Promise<{ created: number; removed: number }> {
  const actor = systemActor('demo-mode');
  const repo = usersRepository(ctx.db);
  if (!ctx.options.demo) {
    const removed = await ctx.db.transaction(async (tx) => {
      const n = await usersRepository(tx).deleteDemoUsers();
      if (n)
        await recordAudit(tx, actor, { action: 'demo.remove', entityType: 'user', after: { removed: n } });
      return n;
    });
    return { created: 0, removed };
  }
  const existing = new Set((await repo.demoUserIds()).map((u) => u.email));
  let created = 0;
  for (const a of DEMO_ACCOUNTS) {
    if (existing.has(a.email)) continue;
    const units = await repo.unitsByCode([a.unit]);
    if (!units[0]) continue; // the program data is not loaded yet
    await createUser(
      ctx,
      null,
      {
        name: a.name,
        email: a.email,
        title: a.title,
        orgUnitId: units[0].id,
        password: DEMO_PASSWORD,
        isDemo: true,
        roles: [{ role: a.role, orgUnitId: units[0].id, includeSubUnits: a.subUnits ?? false }],
      },
      actor,
    );
    created++;
  }
  return { created, removed: 0 };
}
