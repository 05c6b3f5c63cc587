/// <reference lib="dom" />
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  appendixWorkbook,
  chooseFile,
  expectRefusals,
  HANOI,
  seedWards,
  WARDS,
  workbook,
} from './plans-fixtures.ts';
import { DESKTOP, PHONE, signIn, startWebHarness, type WatchedPage, type WebHarness } from './web-harness.ts';

const COORDINATOR = 'coordinator@nq57.example';
const FOCAL_HANOI = 'focal.hanoi@nq57.example';
const SCREENSHOTS_ALL = Boolean(process.env.UPDATE_SCREENSHOTS);
const SHOTS = SCREENSHOTS_ALL ? path.resolve('docs/screenshots') : path.resolve('.tmp/screenshots');
const LOCALES = { vi: 'vi-VN', en: 'en-GB' } as const;
const VIEWS: { name: string; options: BrowserContextOptions }[] = [
  { name: 'desktop', options: DESKTOP },
  { name: 'phone', options: PHONE },
];
const HEADER = ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Sản phẩm', 'Thời hạn'];

interface ApiTask {
  id: number;
  code: string;
  dueDate: string | null;
  originalDueDate: string | null;
  leads: { code: string | null; collective: string | null }[];
}

/**
 * Issue #4's "done when", as people do it in the browser: the coordinator builds the Program from an
 * appendix-shaped workbook (mapping its columns, fixing a row), Hà Nội copies its part down into a plan
 * and hands an item to two wards, gets an extension the coordinator approves (both deadlines shown),
 * and the gap view shows who still lacks a plan.
 */
describe('plans, import, extensions and gaps in Chromium (demo mode)', () => {
  let web: WebHarness;
  let watched: WatchedPage[] = [];
  const open = async (email: string, options: BrowserContextOptions = DESKTOP) => {
    const opened = await web.open(options);
    watched.push(opened);
    await signIn(opened.page, email);
    return opened;
  };
  const tasksByCode = async (page: Page) => {
    const res = await page.request.get('/api/register/tasks');
    const items = ((await res.json()) as { items: ApiTask[] }).items;
    return new Map(items.map((t) => [t.code, t]));
  };

  beforeAll(async () => {
    web = await startWebHarness({ demo: true, seed: seedWards });
    fs.mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(() => web?.close());
  afterEach(() => {
    const problems = watched.flatMap((w) => w.problems);
    watched = [];
    expect(problems, 'console errors or failed requests').toEqual([]);
  });

  it('builds the Program by import, cascades it to two wards, extends a deadline and shows the gaps', async () => {
    // 1. The coordinator imports the appendix: its headers are not the appendix's, so they are mapped.
    const coordinator = await open(COORDINATOR);
    const c = coordinator.page;
    await c.goto('/register/import');
    await chooseFile(c, 'Tệp danh mục nhiệm vụ', 'ke-hoach-bo-sung.xlsx', await appendixWorkbook(false));
    await c.getByRole('heading', { name: 'Ghép cột của tệp với cột của sổ' }).waitFor();
    expect(await c.getByText('Không nhận ra tên cột theo mẫu phụ lục').isVisible()).toBe(true);
    await c.getByLabel('Dòng tiêu đề (số dòng)').fill('2');
    await c.getByRole('button', { name: 'Đọc lại tiêu đề' }).click();
    // The headers it recognises come chosen ("Phối hợp", "Kết quả"); the rest the person maps.
    await expect.poll(() => c.getByLabel('Cơ quan phối hợp', { exact: true }).inputValue()).toBe('D');
    expect(await c.getByLabel('Sản phẩm', { exact: true }).inputValue()).toBe('E');
    await c.getByLabel('STT', { exact: true }).selectOption('A');
    await c.getByLabel('Nhiệm vụ', { exact: true }).selectOption('B');
    await c.getByLabel('Cơ quan chủ trì', { exact: true }).selectOption('C');
    await c.getByLabel('Thời hạn', { exact: true }).selectOption('F');
    await c.getByRole('button', { name: 'Xem trước các dòng' }).click();

    const status = c.getByRole('status').filter({ hasText: 'dòng:' });
    await expect.poll(() => status.textContent()).toContain('3 dòng: 2 sẵn sàng, 1 có lỗi');
    expect(await c.getByRole('button', { name: 'Nhập 3 nhiệm vụ' }).isDisabled()).toBe(true);
    const row = (n: number) => c.getByTestId(`preview-row-${n}`);
    await c.getByLabel('Chỉ hiện dòng có lỗi hoặc cảnh báo').uncheck();
    expect(await row(5).textContent()).toContain('thời hạn 30/06/2024 trước ngày giao 01/04/2025');
    // A merged ministry's old name is mapped; an unknown name gets the closest known one suggested;
    // an Excel date serial is converted and said.
    expect(await row(3).textContent()).toContain(
      '“Bộ Thông tin và Truyền thông” là tên trước sáp nhập, quy về Bộ Khoa học và Công nghệ',
    );
    expect(await row(4).textContent()).toContain('có phải “Bộ Tài chính”?');
    expect(await row(4).textContent()).toContain('số seri ngày 46752 được đọc là 31/12/2027');

    // The row is fixed in the file; the corrected file keeps the mapping and imports whole.
    await chooseFile(c, 'Chọn tệp đã sửa', 'ke-hoach-bo-sung.xlsx', await appendixWorkbook(true));
    await expect.poll(() => status.textContent()).toContain('3 dòng: 3 sẵn sàng, 0 có lỗi');
    await c.getByRole('button', { name: 'Nhập 3 nhiệm vụ' }).click();
    await c.getByText('Đã nhập 3 nhiệm vụ từ ke-hoach-bo-sung.xlsx.').waitFor();

    let tasks = await tasksByCode(c);
    expect(tasks.get('141')).toMatchObject({
      dueDate: '2027-12-31',
      leads: [{ collective: 'all_provinces' }],
    });
    expect(tasks.get('142')).toMatchObject({ dueDate: '2027-12-31', leads: [{ code: HANOI }] });
    for (const code of ['141', '142']) {
      const assigned = await c.request.post(`/api/register/tasks/${tasks.get(code)!.id}/assign`, {
        data: { assignedOn: '2025-04-01' },
        headers: { origin: web.baseUrl }, // a write from our own origin (CSRF check)
      });
      expect(assigned.status()).toBe(200);
    }

    // 2. Hà Nội starts its plan from the tasks given to it and hands one item to two wards.
    const hanoi = await open(FOCAL_HANOI);
    const h = hanoi.page;
    await h.goto('/plans');
    await h.getByRole('link', { name: 'Kế hoạch của Thành phố Hà Nội' }).click();
    await h.getByText('Thành phố Hà Nội chưa có kế hoạch.').waitFor();
    await h.getByRole('button', { name: 'Lập kế hoạch từ các nhiệm vụ được giao' }).click();
    await expect
      .poll(() => h.getByRole('status').filter({ hasText: 'Đã chép' }).textContent())
      .toMatch(/Đã chép \d+ nhiệm vụ vào kế hoạch\./);
    const plan = (await (await h.request.get(`/api/plans/${HANOI}`)).json()) as {
      items: ApiTask[];
      programTasks: ApiTask[];
    };
    expect(plan.items).toHaveLength(plan.programTasks.length);
    expect(plan.programTasks.map((t) => t.code)).toEqual(expect.arrayContaining(['141', '142']));

    const item = h.getByTestId('plan-node-01-141');
    for (const [i, ward] of WARDS.entries()) {
      await item.getByRole('button', { name: 'Thêm mục dưới 01-141', exact: true }).click();
      const form = h.getByRole('form', { name: 'Thêm mục kế hoạch' });
      await form.getByLabel('Nội dung').fill(`Cập nhật dữ liệu nhân lực của ${ward.nameVi}`);
      await form
        .getByLabel('Đơn vị chủ trì (cơ quan hoặc đơn vị trực thuộc)', { exact: true })
        .selectOption(ward.code);
      await form.getByLabel('Loại sản phẩm').selectOption('report');
      await form.getByLabel('Sản phẩm', { exact: true }).fill('Báo cáo kết quả cập nhật');
      await form.getByLabel('Thời hạn (dd/mm/yyyy)').fill('30/11/2027');
      await form.getByLabel('Thời hạn (dd/mm/yyyy)').press('Enter');
      await form.getByRole('button', { name: 'Thêm mục' }).click();
      await h.getByTestId(`plan-node-01-141.${i + 1}`).waitFor();
    }
    const first = h.getByTestId('plan-node-01-141.1');
    expect(await first.textContent()).toContain('Phường Ba Đình');
    expect(await h.getByTestId('plan-node-01-141.2').textContent()).toContain('Phường Hoàn Kiếm');
    await first.getByRole('button', { name: 'Giao 01-141.1' }).click();
    await expect.poll(() => first.locator('.plan-state').first().textContent()).toBe('Đã giao');
    // Progress rolls up: nothing is reported yet, and the other provinces count as gaps under 141.
    expect(
      await h.getByTestId('plan-node-141').locator('.plan-node__progress').first().textContent(),
    ).toContain('33 cơ quan chưa có kế hoạch');

    // 3. Hà Nội asks to extend task 142; the coordinator approves; both deadlines are shown.
    const own = h.getByTestId('plan-node-142');
    await own.getByRole('button', { name: 'Xin gia hạn 142' }).first().click();
    await own
      .getByLabel('Lý do đề nghị gia hạn')
      .fill('Chờ nền tảng dùng chung của Bộ Khoa học và Công nghệ');
    await own.getByLabel('Hạn đề nghị (dd/mm/yyyy)').fill('31/03/2028');
    await own.getByLabel('Hạn đề nghị (dd/mm/yyyy)').press('Enter');
    await own.getByRole('button', { name: 'Gửi đề nghị' }).click();
    const deadlines = h.getByTestId(`deadlines-${tasks.get('142')!.id}`);
    await expect.poll(() => deadlines.textContent()).toContain('Chờ quyết định');

    await c.goto('/register/extensions');
    const card = c.getByRole('listitem').filter({ hasText: 'Số hoá quy trình giao và theo dõi nhiệm vụ' });
    expect(await card.textContent()).toContain('31/12/2027 → 31/03/2028');
    await card.getByRole('button', { name: 'Duyệt', exact: true }).click();
    await c
      .getByText('Đã duyệt gia hạn nhiệm vụ 142: hạn gốc 31/12/2027, hạn hiện tại 31/03/2028.')
      .waitFor();
    await c.getByText('Không có đề nghị nào đang chờ.').waitFor();

    await h.reload();
    const extended = h.getByTestId('plan-node-142');
    await extended.waitFor();
    expect(await extended.locator('.plan-node__facts').first().textContent()).toContain(
      '31/03/2028 (hạn gốc 31/12/2027)',
    );
    await extended.getByRole('button', { name: 'Thời hạn và gia hạn của 142' }).first().click();
    const shown = h.getByTestId(`deadlines-${tasks.get('142')!.id}`);
    await expect.poll(() => shown.textContent()).toContain('Đã duyệt');
    expect(await shown.textContent()).toMatch(/Hạn gốc \(tính đúng hạn theo hạn này\)31\/12\/2027/);
    expect(await shown.textContent()).toMatch(/Hạn hiện tại31\/03\/2028/);
    tasks = await tasksByCode(c);
    expect(tasks.get('142')).toMatchObject({ originalDueDate: '2027-12-31', dueDate: '2028-03-31' });

    // 4. The gap view: Hà Nội has planned every collective task; the other provinces still lack 141.
    await c.goto('/plans/gaps');
    await c.getByTestId('gap-agency-79').waitFor();
    expect(await c.getByTestId(`gap-agency-${HANOI}`).count()).toBe(0);
    await c.getByTestId('gap-agency-79').locator('summary').click();
    expect(await c.getByTestId('gap-agency-79').textContent()).toContain('Xây dựng cơ sở dữ liệu nhân lực');
    await c.getByLabel('Theo nhiệm vụ').check();
    const gap141 = c.getByTestId('gap-task-141');
    await expect.poll(() => gap141.textContent()).toContain('33 cơ quan chưa có kế hoạch');
    await gap141.locator('summary').click();
    const names = await gap141.getByRole('link').allTextContents();
    expect(names).toHaveLength(33);
    expect(names).not.toContain('Thành phố Hà Nội');
    expect(names).toContain('Thành phố Hồ Chí Minh');
  }, 180_000);

  it('downloads the register and the tracking ledger as .xlsx and .csv', async () => {
    const { page } = await open(COORDINATOR);
    await page.goto('/register/import');
    const download = async (name: string) => {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name }).click(),
      ]);
      return { name: file.suggestedFilename(), bytes: fs.readFileSync((await file.path())!) };
    };
    const ledger = await download('Tải Sổ theo dõi (có ngày hạn) dạng XLSX');
    expect(ledger.name).toBe('so-theo-doi-nq57.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(ledger.bytes as unknown as ExcelJS.Buffer);
    expect((wb.worksheets[0]!.getRow(3).values as unknown[]).slice(1, 4)).toEqual([
      'STT',
      'Nhiệm vụ',
      'Cơ quan chủ trì',
    ]);
    const csv = await download('Tải Danh mục nhiệm vụ dạng CSV');
    expect(csv.name).toMatch(/\.csv$/);
    expect(csv.bytes.toString('utf8').startsWith('\ufeffSTT,Nhiệm vụ,Cơ quan chủ trì')).toBe(true);
  });

  it('says clearly why a file or a plan item is refused', async () => {
    const { page, problems } = await open(COORDINATOR);
    await page.goto('/register/import');
    const alert = page.locator('.register-io-alert');
    const choose = (name: string, buffer: Buffer, mimeType?: string) =>
      chooseFile(page, 'Tệp danh mục nhiệm vụ', name, buffer, mimeType);
    await choose('phu-luc.xlsx', Buffer.from('STT,Nhiệm vụ\n1,Không phải Excel\n'));
    await expect.poll(() => alert.textContent()).toContain('Tệp không phải sổ Excel (.xlsx) thật');
    await choose('phu-luc.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 'application/vnd.ms-excel');
    await expect.poll(() => alert.textContent()).toContain('Excel 97–2003 (.xls)');
    const merged = await workbook([HEADER, ['1', 'a', 'b']], (ws) => ws.mergeCells('B2:C2'));
    await choose('gop-o.xlsx', merged);
    await expect.poll(() => alert.textContent()).toContain('có ô gộp tại B2:C2');
    const formula = await workbook([HEADER, ['1', 'a', 'b', null, null, { formula: 'TODAY()' }]]);
    await choose('cong-thuc.xlsx', formula);
    await expect.poll(() => alert.textContent()).toContain('có công thức tại F2');
    // Over 50 MB: refused here, before anything is sent.
    const big = path.join(os.tmpdir(), `nq57-big-${process.pid}.csv`);
    fs.writeFileSync(big, Buffer.alloc(50 * 1024 * 1024 + 1024, 0x41));
    try {
      await page.getByLabel('Tệp danh mục nhiệm vụ', { exact: true }).setInputFiles(big);
      await expect.poll(() => alert.textContent()).toContain('vượt giới hạn 50 MB');
    } finally {
      fs.rmSync(big, { force: true });
    }
    expectRefusals(problems, '/api/register/import/columns');

    // A focal officer's plan item under another agency's task: the server's reason is shown.
    const bkhcn = await open('focal.bkhcn@nq57.example');
    const b = bkhcn.page;
    const copied = await b.request.post('/api/plans/BKHCN/copy-down', { headers: { origin: web.baseUrl } });
    expect(copied.status()).toBe(200);
    await b.goto('/plans/BKHCN');
    await b.getByRole('button', { name: 'Thêm mục kế hoạch' }).click();
    const form = b.getByRole('form', { name: 'Thêm mục kế hoạch' });
    const parent = form.getByLabel('Thực hiện nhiệm vụ');
    await expect.poll(() => parent.locator('optgroup').count()).toBe(3);
    const foreign = await b.request.get('/api/register/tasks?lead=BTC');
    const task = ((await foreign.json()) as { items: ApiTask[] }).items[0]!;
    await parent.selectOption(String(task.id));
    await form.getByLabel('Nội dung').fill('Phối hợp với Bộ Tài chính');
    await form
      .getByLabel('Đơn vị chủ trì (cơ quan hoặc đơn vị trực thuộc)', { exact: true })
      .selectOption('BKHCN');
    await form.getByRole('button', { name: 'Thêm mục' }).click();
    await expect
      .poll(() => form.getByRole('alert').textContent())
      .toContain(`parentTaskId: nhiệm vụ ${task.code} không giao cho Bộ Khoa học và Công nghệ`);
    expectRefusals(bkhcn.problems, '/api/plans/BKHCN/items');
    // Another agency's plan shows no way to change it.
    await b.goto(`/plans/${HANOI}`);
    await b.getByRole('heading', { level: 1 }).waitFor();
    await b.waitForLoadState('networkidle');
    expect(await b.getByRole('button', { name: /Lập kế hoạch|Thêm mục/ }).count()).toBe(0);
  });

  it('lets the administrator keep a year of the working-day calendar', async () => {
    const { page, problems } = await open('admin@nq57.example');
    await page.goto('/admin');
    await page.getByRole('link', { name: 'Lịch ngày làm việc' }).click();
    await page.getByRole('heading', { name: `Lịch ngày làm việc năm ${new Date().getFullYear()}` }).waitFor();
    await page.goto('/admin/calendar?year=2026');
    // The seeded 2026: Tết off Monday 16/2 to Friday 20/2; Saturday 10/1 worked for Friday 2/1.
    for (const day of ['16', '17', '18', '19', '20']) await page.getByTestId(`off-2026-02-${day}`).waitFor();
    expect(await page.getByTestId('makeup-2026-01-10').textContent()).toContain(
      'Làm bù cho thứ Sáu 2/1/2026',
    );

    await page.goto('/admin/calendar?year=2031');
    await page.getByRole('heading', { name: 'Lịch ngày làm việc năm 2031' }).waitFor();
    const add = async (date: string, kind: 'day_off' | 'working_day', reason: string) => {
      await page.getByLabel('Ngày (dd/mm/yyyy)').fill(date);
      await page.getByLabel('Ngày (dd/mm/yyyy)').press('Enter');
      await page.getByLabel('Loại').selectOption(kind);
      await page.getByLabel('Lý do').fill(reason);
      await page.getByLabel('Căn cứ (văn bản)').fill('Thông báo thử nghiệm/BNV');
      await page.getByRole('button', { name: 'Thêm ngày' }).click();
    };
    await add('24/01/2031', 'day_off', 'Tết Tân Hợi (nghỉ bù)');
    await page.getByTestId('off-2031-01-24').waitFor();
    await add('01/02/2031', 'working_day', 'Làm bù cho thứ Sáu 24/1/2031');
    await page.getByTestId('makeup-2031-02-01').waitFor();
    // A make-up day on a weekday changes nothing: refused with the reason, in the page's language
    // (the API words its refusals by Accept-Language, decision 105).
    await add('05/02/2031', 'working_day', 'Sai');
    await expect
      .poll(() => page.locator('.calendar-add .form-error').textContent())
      .toContain('ngày làm bù phải là thứ Bảy hoặc Chủ nhật');
    await page.locator('.calendar-add').screenshot({ path: path.join(SHOTS, 'refusal-vi-calendar.png') });
    expectRefusals(problems, '/api/calendar/days');
    await page.getByRole('button', { name: 'Xoá ngày 01/02/2031 đã nhập' }).click();
    await expect.poll(() => page.getByTestId('makeup-2031-02-01').count()).toBe(0);
  });

  /**
   * Every screen of plans, import, extensions and the calendar: nothing wider than the screen, no
   * console error. Phone in Vietnamese and desktop in English each run; UPDATE_SCREENSHOTS=1 renders all
   * four (desktop and phone, vi and en) into docs/screenshots.
   */
  it('renders every screen on a phone and a desktop without overflow', async () => {
    const setup = await open(COORDINATOR);
    const hanoiSetup = await open(FOCAL_HANOI);
    const bkhcnSetup = await open('focal.bkhcn@nq57.example');
    const headers = { origin: web.baseUrl };
    // A plan to show, and a request in the coordinator's queue (each step is idempotent).
    expect((await hanoiSetup.page.request.post(`/api/plans/${HANOI}/copy-down`, { headers })).status()).toBe(
      200,
    );
    const most = (
      (await (await setup.page.request.get('/api/register/tasks?lead=BKHCN')).json()) as {
        items: (ApiTask & { registerState: string; missing: string[] })[];
      }
    ).items.find((t) => t.missing.length === 0 && t.dueDate && t.dueDate < '2030-12-31')!;
    if (most.registerState !== 'assigned') {
      const assigned = await setup.page.request.post(`/api/register/tasks/${most.id}/assign`, {
        data: { assignedOn: '2025-04-01' },
        headers,
      });
      expect(assigned.status(), await assigned.text()).toBe(200);
    }
    const asked = await bkhcnSetup.page.request.post(`/api/register/tasks/${most.id}/extensions`, {
      data: {
        agency: 'BKHCN',
        reason: 'Chờ ý kiến thẩm định của Bộ Tư pháp',
        requestedDueDate: '2030-12-31',
      },
      headers,
    });
    expect([201, 409], await asked.text()).toContain(asked.status()); // 409: one is already pending

    const variants = SCREENSHOTS_ALL
      ? (['vi', 'en'] as const).flatMap((language) => VIEWS.map((view) => ({ language, view })))
      : [
          { language: 'vi' as const, view: VIEWS[1]! },
          { language: 'en' as const, view: VIEWS[0]! },
        ];
    for (const { language, view } of variants) {
      const as = async (email: string) => {
        const opened = await open(email, { ...view.options, locale: LOCALES[language] });
        await opened.page.addInitScript(
          (lang) => window.localStorage.setItem('nq57.language', lang),
          language,
        );
        return opened.page;
      };
      const shoot = async (page: Page, name: string, ready: string) => {
        await page.locator(ready).first().waitFor();
        await page.waitForLoadState('networkidle');
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${name} is wider than the ${view.name} screen`).toBeLessThanOrEqual(0);
        await page.screenshot({ path: path.join(SHOTS, `${name}-${language}-${view.name}.png`) });
      };
      const coordinator = await as(COORDINATOR);
      await coordinator.goto('/register/import');
      await chooseFile(
        coordinator,
        language === 'vi' ? 'Tệp danh mục nhiệm vụ' : 'Task list file',
        'ke-hoach.xlsx',
        await appendixWorkbook(false),
      );
      await coordinator.locator('.register-io-mapping').waitFor();
      await shoot(coordinator, 'register-import-mapping', '.register-io-mapping');
      await coordinator.locator('.register-io-header-row input').fill('2');
      await coordinator.locator('.register-io-header-row button').click();
      await expect
        .poll(() => coordinator.locator('.register-io-mapping select').nth(3).inputValue())
        .toBe('D');
      for (const [i, column] of ['A', 'B', 'C'].entries())
        await coordinator.locator('.register-io-mapping select').nth(i).selectOption(column);
      await coordinator.locator('.register-io-mapping select').nth(5).selectOption('F');
      await coordinator.locator('.register-io-mapping ~ button[type="submit"]').click();
      await shoot(coordinator, 'register-import-preview', '.register-io-rows');
      await coordinator.goto('/plans/gaps');
      await shoot(coordinator, 'plans-gaps', '.plans-gaps');
      await coordinator.goto('/register/extensions');
      await shoot(coordinator, 'extensions-queue', '.extension-card');
      const hanoi = await as(FOCAL_HANOI);
      await hanoi.goto('/plans');
      await shoot(hanoi, 'plans', '.plans-table');
      await hanoi.goto(`/plans/${HANOI}`);
      await shoot(hanoi, 'plan', '.plan-tree');
      const admin = await as('admin@nq57.example');
      await admin.goto('/admin/calendar?year=2026');
      await shoot(admin, 'admin-calendar', '.calendar-table');
    }
  }, 300_000);
});
