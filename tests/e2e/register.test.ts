/// <reference lib="dom" />
// page.evaluate() callbacks run in the browser.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/database.ts';
import { cliActor } from '../../src/modules/audit/actor.ts';
import { suggestItemLinks } from '../../src/modules/program/item-links.service.ts';
import { updateRegisterTask } from '../../src/modules/register/register.service.ts';
import { DESKTOP, PHONE, signIn, startWebHarness, type WatchedPage, type WebHarness } from './web-harness.ts';

/**
 * The coordinator's register in Chromium, on the demo accounts of docs/roles.md: the table (filters,
 * sort, columns, saved views, thousands of rows), the task editor with its live 5 rõ checklist and the
 * server's refusals, history and the register as of a past date, section II links, and what a focal
 * officer may see. Screenshots of the table and the editor go to .tmp/screenshots (docs/screenshots
 * with UPDATE_SCREENSHOTS=1).
 */
const COORDINATOR = 'coordinator@nq57.example';
const FOCAL = 'focal.bkhcn@nq57.example';
const OUT = process.env.UPDATE_SCREENSHOTS
  ? path.resolve('docs/screenshots')
  : path.resolve('.tmp/screenshots');
const LOCALES = { vi: 'vi-VN', en: 'en-GB' } as const;

/** Removes the refusals a test provoked on purpose, so any other error still fails the test. */
function provoked(problems: string[], ...expected: RegExp[]) {
  const kept = problems.filter((p) => !expected.some((e) => e.test(p)));
  problems.splice(0, problems.length, ...kept);
}

/** Waits for a value as a person would, generously: the machine running the tests may be busy. */
const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000 });

const checklist = (page: Page) => page.getByTestId('five-r-summary');
const combo = (page: Page, name: string) => page.getByRole('combobox', { name, exact: true });

describe('the task register in Chromium', () => {
  let web: WebHarness;
  let watched: WatchedPage[] = [];
  const open = async (options?: BrowserContextOptions) => {
    const opened = await web.open(options);
    watched.push(opened);
    return opened;
  };
  const staff = async (email: string, options?: BrowserContextOptions) => {
    const opened = await open(options);
    await signIn(opened.page, email);
    return opened;
  };
  /** A draft task made through the API as the signed-in coordinator, for tests that start from one. */
  const draft = async (page: Page, code: string, fields: Record<string, unknown> = {}) => {
    const res = await page.request.post('/api/register/tasks', {
      data: { groupNo: 2, code, contentVi: `Nhiệm vụ kiểm thử ${code}`, ...fields },
      headers: { origin: web.baseUrl }, // as the app's own pages send it (CSRF check)
    });
    expect(res.status()).toBe(201);
    return (await res.json()) as { id: number; code: string };
  };

  beforeAll(async () => {
    // For the history and links screenshots: task 4 edited once in the register, links suggested.
    web = await startWebHarness({
      demo: true,
      seed: async ({ db }) => {
        await updateRegisterTask(db, cliActor(), 'NQ57', 4, {
          sourceItem: 'mục II.1.a',
          focalOfficer: { userId: null, name: 'Trần Thị B, Văn phòng Bộ' },
        });
        await suggestItemLinks(db, cliActor(), 'NQ57');
      },
    });
    fs.mkdirSync(OUT, { recursive: true });
  });
  afterAll(() => web?.close());
  afterEach(() => {
    const problems = watched.flatMap((w) => w.problems);
    watched = [];
    expect(problems, 'console errors or failed requests').toEqual([]);
  });

  it('lets the coordinator create a task, see what is missing, fill it in and assign it; refusals keep the form', async () => {
    const { page, problems } = await staff(COORDINATOR);
    await page.goto('/register');
    await page.getByRole('link', { name: 'Thêm nhiệm vụ' }).click();
    await page.getByRole('heading', { name: 'Thêm nhiệm vụ', level: 1 }).waitFor();
    await combo(page, 'Nhóm nhiệm vụ').selectOption('1');
    await page.getByLabel('Số hiệu nhiệm vụ').fill('KT.1');
    await page.getByLabel('Nội dung nhiệm vụ').fill('Xây dựng cơ sở dữ liệu chuyển đổi số thử nghiệm');
    await eventually(() => checklist(page).textContent()).toContain('Còn thiếu 4 trong 5 rõ');
    await page.getByRole('button', { name: 'Tạo nhiệm vụ' }).click();
    await page.waitForURL(/\/register\/tasks\/\d+$/);
    await page.getByRole('heading', { name: 'Nhiệm vụ KT.1', level: 1 }).waitFor();
    expect(await checklist(page).textContent()).toContain(
      'Rõ người, Rõ trách nhiệm, Rõ thời gian, Rõ kết quả',
    );

    // The server refuses to assign and names each missing part.
    await page.getByRole('button', { name: 'Giao nhiệm vụ', exact: true }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Chưa giao được' });
    await eventually(() => refusal.textContent()).toContain('còn thiếu 4 phần');
    expect(await refusal.textContent()).toContain('Rõ kết quả');
    provoked(problems, /status of 422/, /HTTP 422: .*\/assign/);

    // Fill the parts; the checklist follows as the form is typed, before anything is saved.
    await page.getByRole('combobox', { name: 'Thêm cơ quan phối hợp' }).selectOption('BTC');
    await combo(page, 'Cơ quan chủ trì').selectOption('BTC');
    expect(await checklist(page).textContent()).toContain('Còn thiếu 2 trong 5 rõ: Rõ thời gian, Rõ kết quả');
    await page.getByLabel('Người đứng đầu chịu trách nhiệm').fill('Bộ trưởng Bộ Khoa học và Công nghệ');
    await page.getByLabel('Cán bộ đầu mối').fill('Nguyễn Văn A, Vụ Kế hoạch - Tài chính');
    await page.getByLabel('Thời hạn ghi trong văn bản').fill('Quý II/2026');
    await combo(page, 'Loại sản phẩm').selectOption('decree');
    await page.getByLabel('Sản phẩm đầu ra').fill('Nghị định của Chính phủ');
    await eventually(() => checklist(page).textContent()).toBe('Đủ 5 rõ: nhiệm vụ có thể giao.');

    // A lead that is also a partner: the server's message, and nothing typed is lost.
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    const saveError = page.locator('.register-form .form-error');
    await eventually(() => saveError.textContent()).toContain(
      'cơ quan chủ trì không đồng thời là cơ quan phối hợp',
    );
    provoked(problems, /status of 400/, /HTTP 400: .*\/register\/tasks\/\d+$/);
    expect(await page.getByLabel('Sản phẩm đầu ra').inputValue()).toBe('Nghị định của Chính phủ');
    await combo(page, 'Cơ quan chủ trì').selectOption('BKHCN');
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã lưu.' }).waitFor();
    expect(await page.getByLabel('Ngày hạn').inputValue()).toBe('30/06/2026'); // read from "Quý II/2026"

    // A deadline before the assignment date is refused with the server's words, in Vietnamese; then it is assigned.
    await page.getByLabel('Ngày giao').fill('01/01/2027');
    await page.getByLabel('Ngày giao').press('Tab');
    await page.getByRole('button', { name: 'Giao nhiệm vụ', exact: true }).click();
    await eventually(() => page.getByRole('alert').allTextContents()).toContainEqual(
      expect.stringContaining('trước ngày giao 2027-01-01'),
    );
    provoked(problems, /status of 400/, /HTTP 400: .*\/assign/);
    await page.getByLabel('Ngày giao').fill('');
    await page.getByLabel('Ngày giao').press('Tab');
    await page.getByRole('button', { name: 'Giao nhiệm vụ', exact: true }).click();
    await page.locator('.register-editor__status').getByText('Đã giao').waitFor();
    // Assigned: the deadline is shown, not edited, original and current side by side.
    const taskId = /\/register\/tasks\/(\d+)$/.exec(page.url())?.[1];
    const deadlines = page.getByTestId(`deadlines-${taskId}`);
    await deadlines.waitFor();
    expect(await deadlines.locator('dd').allTextContents()).toEqual(['30/06/2026', '30/06/2026']);
    expect(await page.getByLabel('Ngày hạn').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Xem và quyết định các yêu cầu gia hạn' }).count()).toBe(1);

    // The register lists it, complete; the search needs no accents.
    await page.goto('/register');
    await page.getByLabel('Tìm kiếm').fill('co so du lieu chuyen doi so thu nghiem');
    await page.waitForURL(/q=co\+so\+du\+lieu/);
    const row = page.locator('tbody tr[data-index]').filter({ hasText: 'KT.1' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Đủ 5 rõ');
    expect(await row.textContent()).toContain('Đã giao');

    // The public task page leads a coordinator to the task in the register.
    await page.goto('/tasks/4');
    await page.getByRole('link', { name: /Mở nhiệm vụ này trong sổ nhiệm vụ/ }).click();
    await page.waitForURL(/\/register\/tasks\/4$/);
    await page.getByRole('heading', { name: 'Kiểm tra 5 rõ' }).waitFor();
  });

  it('edits a task and shows its versions, what changed, and the register as it stood on a past date', async () => {
    const { page } = await staff(COORDINATOR);
    const task = await draft(page, 'KT.2', { lead: 'BKHCN', contentVi: 'Nội dung ban đầu của nhiệm vụ' });
    await page.goto(`/register/tasks/${task.id}`);
    await page.getByLabel('Nội dung nhiệm vụ').fill('Nội dung đã sửa của nhiệm vụ');
    await page.getByRole('combobox', { name: 'Thêm cơ quan phối hợp' }).selectOption('all_provinces');
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã lưu.' }).waitFor();

    await page.getByRole('link', { name: 'Lịch sử thay đổi' }).click();
    await page.getByRole('heading', { name: 'Lịch sử nhiệm vụ KT.2' }).waitFor();
    const latest = page.locator('[data-version="2"]');
    expect(await latest.getByRole('heading').textContent()).toBe('Phiên bản 2: sửa');
    const changes = await latest.locator('tbody tr').allTextContents();
    expect(changes).toEqual([
      'Nội dungNội dung ban đầu của nhiệm vụNội dung đã sửa của nhiệm vụ',
      'Cơ quan phối hợp—Các địa phương',
    ]);
    expect(await page.locator('[data-version="1"]').textContent()).toContain(
      'Phiên bản đầu tiên được ghi lại.',
    );

    // This test database began today; the first version is moved to last spring and the edit to July,
    // standing for a task created then and edited later.
    await rows(
      web.database.db,
      sql`UPDATE task_version SET valid_from = '2025-05-02T03:00:00Z', valid_to = '2025-07-15T03:00:00Z'
           WHERE task_id = ${task.id} AND version_no = 1`,
    );
    await rows(
      web.database.db,
      sql`UPDATE task_version SET valid_from = '2025-07-15T03:00:00Z' WHERE task_id = ${task.id} AND version_no = 2`,
    );
    await page.goto('/register');
    await page.getByText('Xem sổ tại một ngày trước đây').click();
    await page.getByLabel('Ngày', { exact: true }).fill('30/06/2025');
    await page.getByLabel('Ngày', { exact: true }).press('Tab');
    await page.getByRole('button', { name: 'Xem sổ tại ngày này' }).click();
    await page.waitForURL(/at=2025-06-30/);
    await page.getByText('Đang xem sổ như cuối ngày 30/06/2025').waitFor();
    const asOfRow = page.locator('tbody tr[data-index]').filter({ hasText: 'KT.2' });
    await asOfRow.waitFor();
    expect(await asOfRow.textContent()).toContain('Nội dung ban đầu của nhiệm vụ');
    await page.getByRole('button', { name: 'Về sổ hiện tại' }).click();
    await page.getByLabel('Tìm kiếm').fill('KT.2');
    await eventually(() =>
      page.locator('tbody tr[data-index]').filter({ hasText: 'KT.2' }).textContent(),
    ).toContain('Nội dung đã sửa của nhiệm vụ');

    // Cancelling needs a reason; the task stays, marked cancelled, and reads only.
    await page.locator('tbody tr[data-index]').filter({ hasText: 'KT.2' }).getByRole('link').click();
    await page.getByText('Huỷ nhiệm vụ…').click();
    await page.getByLabel('Lý do huỷ').fill('Trùng với nhiệm vụ 1.a');
    await page.getByRole('button', { name: 'Huỷ nhiệm vụ', exact: true }).click();
    await page.getByText('Nhiệm vụ đã bị huỷ. Lý do: Trùng với nhiệm vụ 1.a').waitFor();
    expect(await page.getByRole('button', { name: 'Lưu thay đổi' }).count()).toBe(0);
  });

  it('saves a view of filters, sort and columns, and reopens it on another device', async () => {
    const { page } = await staff(COORDINATOR);
    await page.goto('/register');
    await page.locator('tbody tr[data-index]').first().waitFor();
    await combo(page, 'Cơ quan chủ trì').selectOption('BKHCN');
    await combo(page, '5 rõ').selectOption('any');
    await page.getByRole('button', { name: /^Hạn hiện tại/ }).click();
    await page.getByText('Cột hiển thị (6)').click();
    await page.getByRole('checkbox', { name: 'Trạng thái' }).uncheck();
    await page.waitForURL(/sort=dueDate/);
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({
      lead: 'BKHCN',
      missing: 'any',
      sort: 'dueDate',
      cols: 'code,content,lead,dueDate,missing',
    });
    const count = await page.locator('.results__count').textContent();
    await page.getByRole('button', { name: 'Lưu chế độ xem này…' }).click();
    await page.getByLabel('Tên chế độ xem').fill('Bộ KH&CN chưa đủ 5 rõ');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText('Đã lưu chế độ xem “Bộ KH&CN chưa đủ 5 rõ”').waitFor();

    // Another browser, the same person: the view is there and opens the same table.
    const other = await staff(COORDINATOR, { ...PHONE, locale: 'vi-VN' });
    await other.page.goto('/register');
    const views = combo(other.page, 'Chế độ xem đã lưu');
    await eventually(() => views.locator('option').allTextContents()).toContain('Bộ KH&CN chưa đủ 5 rõ');
    await views.selectOption({ label: 'Bộ KH&CN chưa đủ 5 rõ' });
    await other.page.waitForURL(/lead=BKHCN/);
    await eventually(() => other.page.locator('.results__count').textContent()).toBe(count);
    expect(await other.page.locator('thead th').allTextContents()).toEqual([
      'Số↕',
      'Nội dung↕',
      'Chủ trì↕',
      'Hạn hiện tại▲',
      'Thiếu 5 rõ↕',
    ]);
    expect(await other.page.locator('thead th[aria-sort="ascending"]').textContent()).toContain(
      'Hạn hiện tại',
    );
  });

  it('shows a focal officer the register read-only, and the editor pages not at all', async () => {
    const { page } = await staff(FOCAL);
    await page.goto('/');
    await page
      .getByRole('navigation', { name: 'Công việc' })
      .getByRole('link', { name: 'Sổ nhiệm vụ' })
      .click();
    await page.getByRole('heading', { name: 'Sổ nhiệm vụ', level: 1 }).waitFor();
    await page.locator('tbody tr[data-index]').first().waitFor();
    expect(await page.getByText('Bạn đang xem ở chế độ chỉ đọc.').isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Thêm nhiệm vụ' }).count()).toBe(0);
    await page.locator('tbody tr[data-index]').first().getByRole('link').click();
    await page.waitForURL(/\/register\/tasks\/\d+$/);
    await page.getByRole('heading', { name: 'Kiểm tra 5 rõ' }).waitFor();
    expect(await page.getByRole('button', { name: 'Lưu thay đổi' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Giao nhiệm vụ' }).count()).toBe(0);
    expect(await page.locator('.register-checklist dt').first().textContent()).toBe('Cơ quan chủ trì');
    await page.goto('/register/tasks/new');
    await page.getByRole('heading', { name: 'Không có quyền truy cập' }).waitFor();
    await page.goto('/register/links');
    await page.getByRole('heading', { name: 'Không có quyền truy cập' }).waitFor();
    // The public task page offers the register only to those who may manage it.
    await page.goto('/tasks/4');
    await page.locator('.five-r').waitFor();
    expect(await page.getByRole('link', { name: /Mở nhiệm vụ này trong sổ nhiệm vụ/ }).count()).toBe(0);
  });

  it('recomputes section II suggestions and confirms one link, which then shows publicly', async () => {
    const { page } = await staff(COORDINATOR);
    await page.goto('/register');
    await page.getByRole('link', { name: 'Liên kết mục II ↔ nhiệm vụ' }).click();
    await page.getByRole('heading', { name: 'Liên kết nội dung mục II với nhiệm vụ' }).waitFor();
    await page.getByRole('button', { name: 'Tính lại gợi ý' }).click();
    await page.getByText(/^Đã tính lại: \d+ gợi ý mới/).waitFor({ timeout: 30_000 });
    const confirm = page.getByRole('button', { name: /^Xác nhận: mục / }).first();
    const label = (await confirm.getAttribute('aria-label')) ?? '';
    const [, item, task] = /mục (\S+) được thực hiện qua nhiệm vụ (\S+)/.exec(label) ?? [];
    await confirm.click();
    await page.getByText(`Đã xác nhận: mục ${item} ↔ nhiệm vụ ${task}.`).waitFor();
    await combo(page, 'Hiển thị').selectOption('confirmed');
    await page.getByRole('button', { name: `Mở lại liên kết mục ${item} với nhiệm vụ ${task}` }).waitFor();
    const published = (await (await page.request.get('/api/public/item-links')).json()) as {
      links: { itemCode: string; taskCode: string }[];
    };
    expect(published.links).toEqual([expect.objectContaining({ itemCode: item, taskCode: task })]);
  });

  for (const language of ['vi', 'en'] as const) {
    for (const view of [
      { name: 'desktop', options: DESKTOP },
      { name: 'phone', options: PHONE },
    ]) {
      it(`renders the register, the editor, a history and the links on a ${view.name} in ${language}`, async () => {
        const { page } = await staff(COORDINATOR, { ...view.options, locale: LOCALES[language] });
        await page.addInitScript((lang) => window.localStorage.setItem('nq57.language', lang), language);
        const shots = [
          { name: 'register', path: '/register', ready: 'tbody tr[data-index]', whole: true },
          { name: 'register-task', path: '/register/tasks/2', ready: '.register-checklist', whole: true },
          {
            name: 'register-history',
            path: '/register/tasks/4/history',
            ready: '[data-version="2"]',
            whole: false,
          },
          { name: 'register-links', path: '/register/links', ready: '.register-links__task', whole: false },
        ];
        for (const shot of shots) {
          await page.goto(shot.path);
          await page.locator(shot.ready).first().waitFor();
          // A phone's picture is its screen (for the register, at the table); a desktop's shows the
          // whole register and editor.
          if (view.name === 'phone' && shot.name === 'register')
            await page.locator('.results__count').scrollIntoViewIfNeeded();
          await page.waitForLoadState('networkidle');
          expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - window.innerWidth,
          );
          expect(overflow, `${shot.path} is wider than the ${view.name} screen`).toBeLessThanOrEqual(0);
          await page.screenshot({
            path: path.join(OUT, `${shot.name}-${language}-${view.name}.png`),
            fullPage: shot.whole && view.name === 'desktop',
          });
        }
      });
    }
  }

  it('draws only a window of thousands of rows, keeps the header in place, and reaches the last row', async () => {
    const [program] = await rows<{ id: number; groupId: number }>(
      web.database.db,
      sql`SELECT p.id, g.id AS "groupId" FROM program p JOIN task_group g ON g.program_id = p.id AND g.no = 7
           WHERE p.code = 'NQ57'`,
    );
    await rows(
      web.database.db,
      sql`INSERT INTO task (program_id, group_id, code, content_vi, due_date)
          SELECT ${program!.id}, ${program!.groupId}, 'TAI-' || lpad(n::text, 4, '0'),
                 'Nhiệm vụ tải thử số ' || n, DATE '2026-01-01' + (n % 365)
            FROM generate_series(1, 3000) AS n`,
    );
    try {
      const { page } = await staff(COORDINATOR);
      await page.goto('/register');
      const bodyRows = page.locator('tbody tr[data-index]');
      await bodyRows.first().waitFor();
      const rowCount = Number(await page.locator('table.register-table').getAttribute('aria-rowcount')) - 1;
      expect(rowCount).toBeGreaterThan(3000);
      expect(await bodyRows.count()).toBeLessThan(60);

      const scroller = page.getByTestId('register-scroll');
      const headerTop = async () =>
        page.evaluate(() => {
          const box = document.querySelector('[data-testid="register-scroll"]')!.getBoundingClientRect();
          return document.querySelector('.register-table thead th')!.getBoundingClientRect().top - box.top;
        });
      await scroller.evaluate((el) => {
        el.scrollTop = el.scrollHeight / 2;
      });
      await eventually(headerTop).toBeLessThan(2); // the header stays at the top while the body scrolls
      const last = page.locator(`tbody tr[aria-rowindex="${rowCount + 1}"]`);
      await eventually(async () => {
        await scroller.evaluate((el) => {
          el.scrollTop = el.scrollHeight;
        });
        return last.count();
      }).toBe(1);
      expect(await last.textContent()).toContain('TAI-3000');
      expect(await bodyRows.count()).toBeLessThan(60);

      // By keyboard: Home goes to the first row, End back to the last, each focused and drawn.
      await last.focus();
      await page.keyboard.press('Home');
      await eventually(() => page.evaluate(() => document.activeElement?.getAttribute('aria-rowindex'))).toBe(
        '2',
      );
      await page.keyboard.press('ArrowDown');
      await eventually(() => page.evaluate(() => document.activeElement?.getAttribute('aria-rowindex'))).toBe(
        '3',
      );
      await page.keyboard.press('End');
      await eventually(() => page.evaluate(() => document.activeElement?.getAttribute('aria-rowindex'))).toBe(
        String(rowCount + 1),
      );
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/register\/tasks\/\d+$/);
      await page.getByRole('heading', { name: 'Nhiệm vụ TAI-3000', level: 1 }).waitFor();
    } finally {
      await rows(
        web.database.db,
        sql`DELETE FROM task WHERE program_id = ${program!.id} AND code LIKE 'TAI-%'`,
      );
    }
  });
});
