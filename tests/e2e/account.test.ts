/// <reference lib="dom" />
// page.evaluate() callbacks run in the browser.
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/identity/demo.service.ts';
import { DESKTOP, PHONE, signIn, startWebHarness, type WatchedPage, type WebHarness } from './web-harness.ts';

/** The main navigation every visitor sees, in Vietnamese. */
const PUBLIC_NAV = ['Tổng quan', 'Nhiệm vụ', 'Chỉ tiêu', 'Cơ quan', 'Đánh giá', 'Văn bản Chương trình'];

/**
 * What each demo role may see in the navigation after the public links, in order (docs/roles.md): the
 * staff pages their policies open, then the admin area for administrators and auditors. A new staff
 * page with a nav line adds itself here for the roles it is for.
 */
const REGISTER = 'Sổ nhiệm vụ';
const PLANS = 'Kế hoạch';
const VALUES = 'Nhập số liệu chỉ tiêu';
const REVIEW = 'Duyệt số liệu chỉ tiêu';
const REPORTS = 'Báo cáo';
const BOTTLENECKS = 'Điểm nghẽn';
const RATES = 'Tỷ lệ báo cáo';
const ADMIN = 'Quản trị';
const COORDINATOR_NAV = [
  REGISTER,
  PLANS,
  'Nhập, xuất Excel',
  'Gia hạn',
  REVIEW,
  REPORTS,
  'Duyệt báo cáo',
  BOTTLENECKS,
  RATES,
  'Điều hành đánh giá',
];
const ROLES = [
  {
    role: 'system_admin',
    email: 'admin@nq57.example',
    admin: true,
    staffNav: [REGISTER, PLANS, REPORTS, BOTTLENECKS, RATES, ADMIN],
  },
  { role: 'coordinator', email: 'coordinator@nq57.example', admin: false, staffNav: COORDINATOR_NAV },
  {
    role: 'focal_officer',
    email: 'focal.bkhcn@nq57.example',
    admin: false,
    staffNav: [REGISTER, PLANS, VALUES, REPORTS, BOTTLENECKS, RATES],
  },
  {
    role: 'agency_head',
    email: 'head.bkhcn@nq57.example',
    admin: false,
    staffNav: [REGISTER, PLANS, REPORTS, BOTTLENECKS, RATES],
  },
  {
    role: 'steering_viewer',
    email: 'steering@nq57.example',
    admin: false,
    staffNav: [REGISTER, PLANS, REPORTS, BOTTLENECKS, RATES],
  },
  {
    role: 'auditor',
    email: 'auditor@nq57.example',
    admin: true,
    staffNav: [REGISTER, PLANS, REPORTS, BOTTLENECKS, RATES, ADMIN],
  },
] as const;

/**
 * The administration pages, the policy that opens each (docs/roles.md) and the heading it shows. The
 * auditor reads people but changes nothing: people import and organisation administration are closed.
 */
const ADMIN_PAGES = [
  { path: '/admin/users', heading: 'Người dùng và vai trò', roles: ['system_admin', 'auditor'] },
  { path: '/admin/users/import', heading: 'Nhập người dùng từ tệp', roles: ['system_admin'] },
  { path: '/admin/orgs', heading: 'Cơ cấu tổ chức', roles: ['system_admin'] },
  { path: '/admin/orgs/48', heading: 'Thành phố Đà Nẵng', roles: ['system_admin'] },
  { path: '/admin/orgs/merge', heading: 'Sáp nhập đơn vị', roles: ['system_admin'] },
  { path: '/admin/orgs/split', heading: 'Chia tách đơn vị', roles: ['system_admin'] },
  { path: '/admin/orgs/import', heading: 'Nhập xã, phường và đơn vị trực thuộc', roles: ['system_admin'] },
  { path: '/admin/audit', heading: 'Nhật ký thay đổi', roles: ['system_admin', 'auditor'] },
] as const;

const OUT = process.env.UPDATE_SCREENSHOTS
  ? path.resolve('docs/screenshots')
  : path.resolve('.tmp/screenshots');
const LOCALES = { vi: 'vi-VN', en: 'en-GB' } as const;
const VIEWS: { name: string; options: BrowserContextOptions }[] = [
  { name: 'desktop', options: DESKTOP },
  { name: 'phone', options: PHONE },
];

const navLinks = (page: Page) => page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link');
/** The staff bar ("Công việc"): only there for someone signed in with at least one staff page. */
const staffLinks = (page: Page) => page.getByRole('navigation', { name: 'Công việc' }).getByRole('link');

describe('accounts in Chromium (demo mode)', () => {
  let web: WebHarness;
  let watched: WatchedPage[] = [];
  const open = async (options?: BrowserContextOptions) => {
    const opened = await web.open(options);
    watched.push(opened);
    return opened;
  };

  beforeAll(async () => {
    web = await startWebHarness({ demo: true });
    fs.mkdirSync(OUT, { recursive: true });
  });
  afterAll(() => web?.close());
  afterEach(() => {
    const problems = watched.flatMap((w) => w.problems);
    watched = [];
    expect(problems, 'console errors or failed requests').toEqual([]);
  });

  it('signs in with the form: a wrong password gets the neutral message, the right one the name in the header', async () => {
    const { page, problems } = await open();
    await page.goto('/');
    await expect
      .poll(() => page.getByText('Bản trình diễn — dữ liệu và tài khoản minh hoạ').isVisible())
      .toBe(true);
    await page.getByRole('link', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/sign-in\?next=%2F/);
    // An unknown email and a wrong password get the same neutral message: nobody learns which.
    await page.getByLabel('Email công vụ').fill('nobody@nq57.example');
    await page.getByLabel('Mật khẩu').fill('not-the-password');
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Email hoặc mật khẩu không đúng.');
    await page.getByLabel('Email công vụ').fill('coordinator@nq57.example');
    await page.getByLabel('Mật khẩu').fill('not-the-password-either');
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Email hoặc mật khẩu không đúng.');
    // The 401 of the wrong password is what this test asks for.
    problems.splice(0, problems.length, ...problems.filter((p) => !p.includes('401')));

    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await expect
      .poll(() => page.getByTestId('user-name').textContent())
      .toBe('Điều phối Chương trình (demo)');
  });

  it('answers an expired or made-up reset link with the same neutral message', async () => {
    const w = await open();
    const { page } = w;
    await page.goto(`/reset-password#token=${'x'.repeat(43)}`);
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('mat-khau-moi-2026');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('mat-khau-moi-2026');
    await page.getByRole('button', { name: 'Đặt mật khẩu' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('Đường dẫn không hợp lệ hoặc đã hết hạn. Hãy yêu cầu đường dẫn mới.');
    // The 401 of the refused link is what this test asks for.
    w.problems.splice(0, w.problems.length, ...w.problems.filter((p) => !p.includes('401')));
  });

  it('lists the demo accounts on the sign-in page and fills the form from one', async () => {
    const { page } = await open();
    await page.goto('/sign-in');
    await page.getByRole('heading', { name: 'Tài khoản trình diễn' }).waitFor();
    expect(await page.getByText(DEMO_PASSWORD).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Dùng tài khoản auditor@nq57.example' }).click();
    expect(await page.getByLabel('Email công vụ').inputValue()).toBe('auditor@nq57.example');
  });

  it('sends a signed-out visitor from a protected page to sign in, and back afterwards', async () => {
    const { page } = await open();
    await page.goto('/profile');
    await page.waitForURL(/\/sign-in\?next=%2Fprofile/);
    await page.getByLabel('Email công vụ').fill('steering@nq57.example');
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/profile');
    await page.getByRole('heading', { name: 'Hồ sơ cá nhân' }).waitFor();
  });

  for (const { role, email, admin, staffNav } of ROLES) {
    it(`shows a ${role} exactly what the role may see`, async () => {
      const { page } = await open();
      await signIn(page, email);
      await page.goto('/');
      await page.getByTestId('user-name').waitFor();
      await page.waitForLoadState('networkidle');
      expect(await navLinks(page).allTextContents()).toEqual(PUBLIC_NAV);
      expect(await staffLinks(page).allTextContents()).toEqual(staffNav);
      await page.goto('/admin');
      if (admin) {
        await page.getByRole('heading', { name: 'Quản trị', level: 1 }).waitFor();
      } else {
        await page.getByRole('heading', { name: 'Không có quyền truy cập' }).waitFor();
        expect(await page.getByRole('alert').textContent()).toContain('không được phép');
      }
      // Each administration page: its content for the roles it is for, "not allowed" for the others.
      for (const { path: to, heading, roles } of ADMIN_PAGES) {
        await page.goto(to);
        const allowed = (roles as readonly string[]).includes(role);
        const expected = allowed ? heading : 'Không có quyền truy cập';
        await page.getByRole('heading', { name: expected, level: 1, exact: true }).waitFor();
        expect(await page.getByRole('heading', { level: 1 }).textContent(), `${role} on ${to}`).toBe(
          expected,
        );
      }
      if (admin) {
        const areas = await page.goto('/admin').then(() => page.getByTestId('admin-areas').getByRole('link'));
        await areas.first().waitFor();
        expect(await areas.allTextContents()).toEqual(
          role === 'auditor'
            ? ['Nhật ký thay đổi (kiểm tra chuỗi)', 'Người dùng và vai trò']
            : [
                'Nhật ký thay đổi (kiểm tra chuỗi)',
                'Người dùng và vai trò',
                'Cơ cấu tổ chức',
                'Lịch ngày làm việc',
              ],
        );
      }
    }, 120_000);
  }

  it('shows the profile with Vietnamese role names, and changes the password', async () => {
    const { page } = await open();
    await signIn(page, 'head.hanoi@nq57.example');
    await page.goto('/profile');
    await page.getByRole('heading', { name: 'Hồ sơ cá nhân' }).waitFor();
    expect(await page.getByTestId('profile-roles').textContent()).toBe(
      'Người đứng đầu cơ quan — Thành phố Hà Nội (01)',
    );
    expect(await page.getByTestId('profile-unit').textContent()).toBe('Thành phố Hà Nội (01)');
    await page.getByTestId('user-name').click();
    expect(await page.getByTestId('user-unit').textContent()).toContain('Thành phố Hà Nội');
    await page.getByTestId('user-name').click();
    await page.getByLabel('Mật khẩu hiện tại').fill(DEMO_PASSWORD);
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('mat-khau-moi-2026');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('mat-khau-moi-2026');
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.getByText('Đã đổi mật khẩu.').waitFor();

    // The new password signs in; the old one no longer does.
    const fresh = await open();
    const old = await fresh.page.request.post('/api/auth/sign-in', {
      data: { email: 'head.hanoi@nq57.example', password: DEMO_PASSWORD },
    });
    expect(old.status()).toBe(401);
    await signIn(fresh.page, 'head.hanoi@nq57.example', 'mat-khau-moi-2026');
  });

  it('shows the audit trail to an auditor, filters it, and checks the hash chain', async () => {
    const { page } = await open();
    await signIn(page, 'auditor@nq57.example');
    await page.goto('/admin');
    await page.getByRole('link', { name: 'Nhật ký thay đổi (kiểm tra chuỗi)' }).click();
    await page.getByRole('heading', { name: 'Nhật ký thay đổi', level: 1 }).waitFor();
    await page.locator('.audit-table tbody tr').first().waitFor();
    await page.getByLabel('Hành động').fill('user.create');
    await page.getByRole('button', { name: 'Lọc', exact: true }).click();
    await page.waitForURL(/action=user\.create/);
    await expect
      .poll(() => page.locator('.audit-table tbody td code').allTextContents())
      .toSatisfy((actions: string[]) => actions.length > 0 && actions.every((a) => a === 'user.create'));
    await page.getByRole('button', { name: 'Kiểm tra chuỗi' }).click();
    await expect
      .poll(() => page.getByText('Chuỗi nguyên vẹn').textContent())
      .toMatch(/đã kiểm tra \d+ bản ghi/);
  });

  it('lets an administrator disable a person and grant and revoke a role', async () => {
    const { page } = await open();
    await signIn(page, 'admin@nq57.example');
    await page.goto('/admin/users?q=steering');
    const card = page.locator('.person-card').filter({ hasText: 'steering@nq57.example' });
    await card.waitFor();
    await card.getByRole('button', { name: 'Khoá tài khoản' }).click();
    await card.getByText('Đã khoá').waitFor();
    await card.getByRole('button', { name: 'Mở khoá tài khoản' }).click();
    await card.getByRole('button', { name: 'Khoá tài khoản' }).waitFor();
    await card.getByText('Giao thêm vai trò').click();
    await card.getByRole('combobox', { name: 'Vai trò', exact: true }).selectOption('auditor');
    await card.getByRole('button', { name: 'Giao vai trò' }).click();
    const revokeAuditor = card.getByRole('button', { name: /Thu hồi vai trò Kiểm toán/ });
    await revokeAuditor.waitFor();
    await revokeAuditor.click();
    await expect.poll(() => revokeAuditor.count()).toBe(0);
  });

  it('lets an administrator add a unit to the organisation tree and rename it, keeping the old name', async () => {
    const { page } = await open();
    await signIn(page, 'admin@nq57.example');
    await page.goto('/admin/orgs');
    await page.locator('.org-tree__item').first().waitFor();
    await page.getByText('Thêm đơn vị').click();
    await page.getByRole('combobox', { name: 'Đơn vị cấp trên', exact: true }).selectOption('BKHCN');
    await page.getByLabel('Mã đơn vị', { exact: true }).fill('BKHCN_THU');
    await page.getByLabel('Tên đơn vị').fill('Vụ Thử nghiệm');
    await page.getByRole('button', { name: 'Thêm', exact: true }).click();
    await page.getByText('Đã thêm Vụ Thử nghiệm.').waitFor();
    await page.getByRole('link', { name: 'Vụ Thử nghiệm', exact: true }).click();
    await page.getByRole('heading', { name: 'Vụ Thử nghiệm', level: 1 }).waitFor();
    await page.getByLabel('Tên mới (tiếng Việt)').fill('Vụ Thử nghiệm mới');
    await page.getByLabel('Căn cứ (số văn bản)').fill('Quyết định 1/QĐ-BKHCN');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('heading', { name: 'Vụ Thử nghiệm mới', level: 1 }).waitFor();
    expect(await page.getByTestId('lineage-events').textContent()).toContain(
      'đổi tên từ “Vụ Thử nghiệm” thành “Vụ Thử nghiệm mới”',
    );
    await page.goto('/admin/orgs?q=vu thu nghiem');
    await page.locator('.org-tree__item', { hasText: 'Vụ Thử nghiệm mới' }).waitFor();
  });

  it('signs out from the user menu', async () => {
    const { page } = await open();
    await signIn(page, 'focal.hanoi@nq57.example');
    await page.goto('/');
    await page.getByTestId('user-name').click();
    await page.getByRole('link', { name: 'Hồ sơ cá nhân' }).click();
    await page.getByRole('heading', { name: 'Hồ sơ cá nhân', level: 1 }).waitFor();
    await page.locator('.user-menu__list').waitFor({ state: 'hidden' }); // closed once followed
    await page.getByTestId('user-name').click();
    await page.getByRole('button', { name: 'Đăng xuất', exact: true }).click();
    await page.getByRole('link', { name: 'Đăng nhập' }).waitFor();
    const me = await page.request.get('/api/me');
    expect(me.status()).toBe(200);
    expect((await me.json()).user).toBeNull();
  });

  for (const language of ['vi', 'en'] as const) {
    for (const view of VIEWS) {
      it(`screenshots sign-in and profile on a ${view.name} in ${language}`, async () => {
        const { page } = await open({ ...view.options, locale: LOCALES[language] });
        await page.addInitScript((lang) => window.localStorage.setItem('nq57.language', lang), language);
        await page.goto('/sign-in');
        await page.locator('.demo-accounts').waitFor();
        await page.waitForLoadState('networkidle');
        const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(await overflow(), 'sign-in is wider than the screen').toBeLessThanOrEqual(0);
        await page.screenshot({
          path: path.join(OUT, `sign-in-${language}-${view.name}.png`),
          fullPage: true,
        });
        await signIn(page, 'admin@nq57.example');
        await page.goto('/profile');
        await page.locator('[data-testid="profile-roles"]').waitFor();
        await page.waitForLoadState('networkidle');
        expect(await overflow(), 'profile is wider than the screen').toBeLessThanOrEqual(0);
        await page.screenshot({
          path: path.join(OUT, `profile-${language}-${view.name}.png`),
          fullPage: true,
        });
      });
    }
  }
});
