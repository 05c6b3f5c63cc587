/// <reference lib="dom" />
import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { appendixWorkbook, chooseFile, expectRefusals, HANOI, seedWards, WARDS } from './plans-fixtures.ts';
import { DESKTOP, signIn, startWebHarness, type WatchedPage, type WebHarness } from './web-harness.ts';

const COORDINATOR = 'coordinator@nq57.example';
const FOCAL_HANOI = 'focal.hanoi@nq57.example';

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
});
