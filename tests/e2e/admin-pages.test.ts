/// <reference lib="dom" />
// page.evaluate() callbacks run in the browser.
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContextOptions } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, signIn, startWebHarness, type WatchedPage, type WebHarness } from './web-harness.ts';

const OUT = process.env.UPDATE_SCREENSHOTS
  ? path.resolve('docs/screenshots')
  : path.resolve('.tmp/screenshots');
const LOCALES = { vi: 'vi-VN', en: 'en-GB' } as const;
const VIEWS: { name: string; options: BrowserContextOptions }[] = [
  { name: 'desktop', options: DESKTOP },
  { name: 'phone', options: PHONE },
];
const SAMPLE_COMMUNES = path.resolve('program-data/orgs/communes-sample.csv');

const csv = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
const peopleCsv = (...rows: string[]) =>
  csv('can-bo.csv', ['Họ tên,Email,Chức danh,Mã đơn vị,Vai trò', ...rows].join('\n'));

/** The administrator's screens for people, organisations and their history, driven as a person would. */
describe('administration screens in Chromium (demo mode)', () => {
  let web: WebHarness;
  let watched: WatchedPage[] = [];
  const open = async (options?: BrowserContextOptions) => {
    const opened = await web.open(options);
    watched.push(opened);
    return opened;
  };
  const asAdmin = async (options?: BrowserContextOptions) => {
    const opened = await open(options);
    await signIn(opened.page, 'admin@nq57.example');
    return opened;
  };
  /** A refused write is expected here: its 4xx answer is what the test asks for. */
  const expectRefusal = (w: WatchedPage, status: number) => {
    const mine = w.problems.filter((p) => p.includes(`${status}`));
    expect(mine.length, `a ${status} was expected`).toBeGreaterThan(0);
    w.problems.splice(0, w.problems.length, ...w.problems.filter((p) => !p.includes(`${status}`)));
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

  it('imports people: every row checked, a bad row named and blocking, a clean file imported whole', async () => {
    const w = await asAdmin();
    const { page } = w;
    await page.goto('/admin/users');
    await page.getByRole('link', { name: 'Nhập danh sách người dùng từ tệp (CSV, Excel)' }).click();
    await page.getByRole('heading', { name: 'Nhập người dùng từ tệp', level: 1 }).waitFor();
    const template = page.getByRole('link', { name: 'Tải tệp mẫu (.xlsx)' });
    const answer = await page.request.get((await template.getAttribute('href')) ?? '');
    expect(answer.status()).toBe(200);
    expect(answer.headers()['content-type']).toContain('spreadsheetml');

    const input = page.getByLabel('Chọn tệp CSV hoặc Excel (.xlsx)');
    await input.setInputFiles(
      peopleCsv(
        'Ngô Thị Lan,lan.nt@hanoi.gov.vn,Chuyên viên,01,focal_officer',
        'Trùng Email,coordinator@nq57.example,,01,',
        'Sai Đơn Vị,sai@hanoi.gov.vn,,KHONG_CO,',
      ),
    );
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'dòng có lỗi' }).textContent())
      .toBe('3 dòng, 2 dòng có lỗi. Chưa nhập gì: sửa các dòng dưới đây rồi chọn lại tệp.');
    const bad = page.locator('.import-table__bad');
    expect(await bad.count()).toBe(2);
    expect(await bad.nth(0).textContent()).toContain('email: already belongs to another person');
    expect(await bad.nth(1).textContent()).toContain('unit: unknown organisation code "KHONG_CO"');
    expect(await page.getByRole('button', { name: 'Nhập cả 3 dòng' }).isDisabled()).toBe(true);

    await input.setInputFiles(
      peopleCsv(
        'Ngô Thị Lan,lan.nt@hanoi.gov.vn,Chuyên viên,01,focal_officer',
        'Đinh Văn Quang,quang.dv@hanoi.gov.vn,Phó Giám đốc Sở,01,agency_head',
      ),
    );
    await page.getByText('2 dòng, không có lỗi. Có thể nhập.').waitFor();
    await page.getByRole('button', { name: 'Nhập cả 2 dòng' }).click();
    await page.getByText('Đã nhập 2 người.').waitFor();
    await page.goto('/admin/users?q=ngo thi lan');
    const card = page.locator('.person-card').filter({ hasText: 'lan.nt@hanoi.gov.vn' });
    await card.waitFor();
    expect(await card.textContent()).toContain('Cán bộ đầu mối — Thành phố Hà Nội');
    expect(w.problems).toEqual([]);
  });

  it('adds a person with the shared unit picker; a taken email and a role outside its scope are refused with the reason', async () => {
    const w = await asAdmin();
    const { page } = w;
    await page.goto('/admin/users');
    await page.getByRole('button', { name: 'Thêm người dùng' }).click();
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'Thêm người dùng' }) });
    await form.getByLabel('Họ và tên').fill('Phan Văn Mới');
    await form.getByLabel('Email công vụ').fill('COORDINATOR@nq57.example');
    await form.getByRole('searchbox', { name: 'Lọc danh sách Đơn vị' }).fill('ha noi');
    await form.getByRole('combobox', { name: 'Đơn vị', exact: true }).selectOption('01');
    await form.getByRole('button', { name: 'Thêm', exact: true }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toBe('email: đã thuộc về người khác');
    expectRefusal(w, 409);
    await form.getByLabel('Email công vụ').fill('phan.moi@hanoi.gov.vn');
    await form.getByRole('button', { name: 'Thêm', exact: true }).click();
    await page.getByText('Đã thêm người dùng; thư mời đặt mật khẩu đã được gửi.').waitFor();

    await page.goto('/admin/users?q=phan van moi');
    const card = page.locator('.person-card').filter({ hasText: 'phan.moi@hanoi.gov.vn' });
    await card.getByText('Giao thêm vai trò').click();
    await card.getByRole('combobox', { name: 'Vai trò', exact: true }).selectOption('focal_officer');
    await card.getByRole('combobox', { name: 'Đơn vị giữ vai trò' }).selectOption('CP');
    await card.getByRole('button', { name: 'Giao vai trò' }).click();
    await expect
      .poll(() => card.getByRole('alert').textContent())
      .toBe(
        'orgUnitId: vai trò "Cán bộ đầu mối" phải gắn với một cơ quan, không gắn với Chính phủ nói chung',
      );
    expectRefusal(w, 400);
    expect(await card.locator('.role-list li').count()).toBe(0);
  });

  it('imports communes with a preview, merges two into a new ward, and keeps their history readable', async () => {
    const w = await asAdmin();
    const { page } = w;
    await page.goto('/admin/orgs');
    await page.getByRole('link', { name: 'Nhập xã, phường hoặc đơn vị trực thuộc từ tệp' }).click();
    await page.getByRole('heading', { name: 'Nhập xã, phường và đơn vị trực thuộc', level: 1 }).waitFor();
    await page.getByLabel('Chọn tệp CSV hoặc Excel (.xlsx)').setInputFiles(SAMPLE_COMMUNES);
    await page.getByText('11 dòng, không có lỗi. Có thể nhập.').waitFor();
    expect(await page.locator('.import-table tbody tr').count()).toBe(11);
    await page.getByRole('button', { name: 'Nhập cả 11 dòng' }).click();
    await page.getByText('Đã nhập 11 đơn vị.').waitFor();
    // The same rows again: every row is named as already there, and nothing can be imported.
    await page
      .getByLabel('Chọn tệp CSV hoặc Excel (.xlsx)')
      .setInputFiles(csv('lan-2.csv', fs.readFileSync(SAMPLE_COMMUNES, 'utf8')));
    await page.getByText('11 dòng, 11 dòng có lỗi', { exact: false }).waitFor();
    expect(await page.locator('.import-table__bad').first().textContent()).toContain(
      'code: 00004 already exists (Phường Ba Đình)',
    );

    await page.goto('/admin/orgs/00004');
    await page.getByRole('heading', { name: 'Phường Ba Đình', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Sáp nhập đơn vị này vào đơn vị khác' }).click();
    await page.getByRole('heading', { name: 'Sáp nhập đơn vị', level: 1 }).waitFor();
    await page.getByRole('combobox', { name: 'Thêm đơn vị bị sáp nhập' }).selectOption('00008');
    await page.getByRole('button', { name: 'Thêm', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('merge-sources').textContent())
      .toContain('00008 Phường Ngọc Hà');
    // Into itself: refused, and said why.
    await page.getByRole('combobox', { name: 'Đơn vị nhận sáp nhập' }).selectOption('00004');
    await page.getByLabel('Căn cứ (số văn bản)').fill('Nghị quyết 9999/NQ-UBTVQH15');
    await page.getByRole('button', { name: 'Sáp nhập', exact: true }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('into.code: không thể sáp nhập 00004 vào chính nó');
    expectRefusal(w, 400);

    await page.getByLabel('Một đơn vị mới').check();
    await page.getByLabel('Mã đơn vị').fill('00099');
    await page.getByLabel('Tên đơn vị').fill('Phường Ba Đình Mới');
    await page.getByRole('button', { name: 'Sáp nhập', exact: true }).click();
    await page.waitForURL(/\/admin\/orgs\/00099$/);
    await page.getByRole('heading', { name: 'Phường Ba Đình Mới', level: 1 }).waitFor();
    await page.getByText('Đã sáp nhập.', { exact: false }).waitFor();
    expect(await page.getByTestId('predecessors').textContent()).toMatch(/00004.*Phường Ba Đình.*00008/s);
    expect(await page.getByTestId('lineage-events').textContent()).toContain('Nghị quyết 9999/NQ-UBTVQH15');

    await page.getByTestId('predecessors').getByRole('link', { name: 'Phường Ba Đình', exact: true }).click();
    await page.getByRole('heading', { name: 'Phường Ba Đình', level: 1 }).waitFor();
    expect(await page.getByTestId('successors').textContent()).toContain('Phường Ba Đình Mới');
    expect(
      await page
        .getByText(/đã đóng ngày/)
        .first()
        .isVisible(),
    ).toBe(true);
    // A closed unit keeps its name and place: no changes offered.
    expect(await page.getByRole('heading', { name: 'Thay đổi đơn vị' }).count()).toBe(0);
  });

  it('splits a ward into two new ones; the old one closes and names them as successors', async () => {
    const { page } = await asAdmin();
    // Its own ward, made through the API as an administrator's browser would (same origin).
    const made = await page.request.post('/api/orgs', {
      data: { code: '20600', kind: 'ward', nameVi: 'Phường Hòa Xuân', parentCode: '48' },
      headers: { origin: web.baseUrl },
    });
    expect(made.status()).toBe(201);
    await page.goto('/admin/orgs/split?source=20600');
    await page.getByRole('heading', { name: 'Chia tách đơn vị', level: 1 }).waitFor();
    await page.getByText('Phường, thuộc Thành phố Đà Nẵng').waitFor();
    const part = (n: number) => page.getByRole('group', { name: `Đơn vị mới ${n}` });
    await part(1).getByLabel('Mã đơn vị').fill('20601');
    await part(1).getByLabel('Tên đơn vị').fill('Phường Hòa Xuân Đông');
    await part(2).getByLabel('Mã đơn vị').fill('20602');
    await part(2).getByLabel('Tên đơn vị').fill('Phường Hòa Xuân Tây');
    await page.getByLabel('Căn cứ (số văn bản)').fill('Nghị quyết 1234/NQ-UBTVQH15');
    await page.getByRole('button', { name: 'Chia tách', exact: true }).click();
    await page.waitForURL(/\/admin\/orgs\/20600$/);
    await page.getByText('Đã chia tách.', { exact: false }).waitFor();
    expect(await page.getByTestId('successors').textContent()).toMatch(/20601.*Hòa Xuân Đông.*20602/s);
  });

  it("shows Đà Nẵng's history: the provinces merged into it in 2025 and the legal basis", async () => {
    const { page } = await asAdmin();
    await page.goto('/admin/orgs?q=da nang');
    await page.getByRole('link', { name: 'Thành phố Đà Nẵng', exact: true }).click();
    await page.getByRole('heading', { name: 'Thành phố Đà Nẵng', level: 1 }).waitFor();
    expect(await page.getByTestId('predecessors').textContent()).toContain('Quảng Nam');
    expect(await page.getByTestId('lineage-events').textContent()).toContain('202/2025/QH15');
  });

  for (const language of ['vi', 'en'] as const) {
    for (const view of VIEWS) {
      it(`screenshots the administration screens on a ${view.name} in ${language}`, async () => {
        const { page } = await asAdmin({ ...view.options, locale: LOCALES[language] });
        await page.addInitScript((lang) => window.localStorage.setItem('nq57.language', lang), language);
        const shoot = async (name: string) => {
          await page.waitForLoadState('networkidle');
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - window.innerWidth,
          );
          expect(overflow, `${name} is wider than the screen`).toBeLessThanOrEqual(0);
          await page.screenshot({
            path: path.join(OUT, `${name}-${language}-${view.name}.png`),
            fullPage: true,
          });
        };
        await page.goto('/admin/users');
        await page.locator('.person-card').first().waitFor();
        await shoot('admin-users');

        await page.goto('/admin/users/import');
        await page
          .locator('input[type=file]')
          .setInputFiles(
            peopleCsv('Ngô Thị Hoa,hoa.nt@hanoi.gov.vn,Chuyên viên,01,focal_officer', 'Thiếu Email,,,01,'),
          );
        await page.locator('.import-table').waitFor();
        await shoot('admin-users-import');

        await page.goto('/admin/orgs');
        await page.locator('.org-tree__item').first().waitFor();
        await shoot('admin-orgs');

        await page.goto('/admin/orgs/48');
        await page.getByTestId('lineage-events').waitFor();
        await shoot('admin-org-unit');

        await page.goto('/admin/orgs/merge?source=01');
        await page.getByTestId('merge-sources').waitFor();
        await shoot('admin-orgs-merge');

        await page.goto('/admin/orgs/import');
        await page
          .locator('input[type=file]')
          .setInputFiles(
            csv('xa.csv', 'Mã xã,Tên,Loại,Mã tỉnh\n20501,Phường Mẫu,phường,48\n2050X,Xã Sai Mã,xã,48\n'),
          );
        await page.locator('.import-table').waitFor();
        await shoot('admin-orgs-import');
      }, 180_000);
    }
  }
});
