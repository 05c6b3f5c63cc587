/// <reference lib="dom" />
// page.evaluate() callbacks run in the browser.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/database.ts';
import { systemActor } from '../../src/modules/audit/actor.ts';
import { generateObligations } from '../../src/modules/reports/obligations.service.ts';
import { vietnamToday } from '../../src/modules/task-status/dates.ts';
import { DESKTOP, PHONE, signIn, startWebHarness, type WatchedPage, type WebHarness } from './web-harness.ts';

const OUT = process.env.UPDATE_SCREENSHOTS
  ? path.resolve('docs/screenshots')
  : path.resolve('.tmp/screenshots');
const LOCALES = { vi: 'vi-VN', en: 'en-GB' } as const;
const COORDINATOR = 'coordinator@nq57.example';
const OFFICER = 'focal.hanoi@nq57.example';
const HEAD = 'head.hanoi@nq57.example';
const PDF = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');

/**
 * Issue 5's progress reports in the browser: the officer drafts with a file, the head submits, the
 * coordinator returns with a reason, the officer fixes, the head resubmits, the coordinator accepts,
 * and the task's public status changes. Also: two tabs on one draft, the server's messages on bad
 * input, and the screens on a desktop and a phone in both languages.
 */
describe('progress reports (Chromium)', () => {
  let web: WebHarness;
  let watched: WatchedPage[] = [];
  /** Refusals a test provokes on purpose (the conflict, bad input), not counted as problems. */
  let expected: RegExp[] = [];
  let tasks: { id: number; code: string }[];
  const open = async (options: BrowserContextOptions = DESKTOP) => {
    const opened = await web.open(options);
    watched.push(opened);
    return opened.page;
  };
  const row = (page: Page, code: string) => page.locator(`.report-row[data-task="${code}"]`);
  const saved = (page: Page) =>
    expect
      .poll(() => page.locator('.report-save').textContent(), { timeout: 10_000 })
      .toMatch(/Đã lưu lúc|Saved at/);

  beforeAll(async () => {
    web = await startWebHarness({
      demo: true,
      // This year's 6-monthly obligations for every agency (the coordinator's step, here through the service).
      seed: async (database) => {
        const [program] = await rows<{ id: number }>(
          database.db,
          sql`SELECT id FROM program WHERE code = 'NQ57'`,
        );
        const year = vietnamToday().slice(0, 4);
        await generateObligations(database.db, systemActor('seed'), {
          programId: program!.id,
          from: `${year}-01-01`,
          to: `${year}-12-31`,
        });
      },
    });
    // Two one-off tasks every province leads (Hà Nội among them), with a deadline already past.
    tasks = await rows<{ id: number; code: string }>(
      web.database.db,
      sql`SELECT DISTINCT t.id, t.code FROM task t JOIN task_agency ta ON ta.task_id = t.id
          WHERE ta.role = 'lead' AND ta.collective IN ('all_provinces', 'all_ministries_and_provinces')
            AND t.plan_id IS NULL AND t.recurrence IS NULL AND t.due_date < ${vietnamToday()}
          ORDER BY t.id LIMIT 2`,
    );
    expect(tasks).toHaveLength(2);
    fs.mkdirSync(OUT, { recursive: true });
  });
  afterAll(() => web?.close());
  afterEach(() => {
    const problems = watched.flatMap((w) => w.problems).filter((p) => !expected.some((e) => e.test(p)));
    watched = [];
    expected = [];
    expect(problems, 'console errors or failed requests').toEqual([]);
  });

  let reportId: number;

  it('goes from draft with a file to accepted, and the task’s public status changes', async () => {
    const [done, ongoing] = tasks as [{ id: number; code: string }, { id: number; code: string }];
    const visitor = await open();
    await visitor.goto(`/tasks/${done.id}`);
    const publicStatus = visitor.locator('.task-reported-status');
    await publicStatus.waitFor();
    const before = await publicStatus.getAttribute('data-status');
    expect(before).not.toMatch(/^completed/);

    // The officer starts the first half-year's report from the inbox.
    const officer = await open();
    await signIn(officer, OFFICER);
    await officer.goto('/');
    await officer.getByRole('link', { name: 'Báo cáo', exact: true }).click();
    await officer.getByRole('heading', { name: 'Báo cáo tiến độ' }).waitFor();
    const due = officer.locator('.report-inbox__item[data-group="due"]').first();
    expect(await due.textContent()).toMatch(/Hạn \d\d\/\d\d\/\d{4}/);
    await due.getByRole('button', { name: 'Bắt đầu báo cáo' }).click();
    await officer.waitForURL(/\/reports\/\d+$/);
    reportId = Number(officer.url().split('/').pop());
    await officer
      .getByRole('textbox', { name: 'Tóm tắt của cơ quan' })
      .fill('Thành phố đã hoàn thành nhiệm vụ trọng tâm.');
    // The evidence first, then "completed" (a completed task without evidence is refused).
    await row(officer, done.code).getByLabel(`Trạng thái nhiệm vụ ${done.code}`).selectOption('in_progress');
    await row(officer, ongoing.code)
      .getByLabel(`Trạng thái nhiệm vụ ${ongoing.code}`)
      .selectOption('in_progress');
    await row(officer, ongoing.code).getByLabel(`Tiến độ (%) nhiệm vụ ${ongoing.code}`).fill('60');
    const doneRow = row(officer, done.code);
    await doneRow.getByRole('button', { name: `Chi tiết nhiệm vụ ${done.code}` }).click();
    await doneRow.getByLabel('Tệp', { exact: true }).check();
    await doneRow
      .locator('input[type="file"]')
      .setInputFiles({ name: 'quyet-dinh-ban-hanh.pdf', mimeType: 'application/pdf', buffer: PDF });
    await doneRow.getByRole('link', { name: /quyet-dinh-ban-hanh\.pdf/ }).waitFor();
    await doneRow.getByLabel(`Trạng thái nhiệm vụ ${done.code}`).selectOption('completed');
    expect(await doneRow.getByLabel(`Tiến độ (%) nhiệm vụ ${done.code}`).inputValue()).toBe('100');
    await saved(officer);
    expect(await officer.getByRole('button', { name: 'Phê duyệt và gửi báo cáo' }).count()).toBe(0);

    // The head approves and submits.
    const head = await open();
    await signIn(head, HEAD);
    await head.goto(`/reports/${reportId}`);
    await head.getByRole('button', { name: 'Phê duyệt và gửi báo cáo' }).click();
    await head.locator('.report-page[data-status="submitted"]').waitFor();

    // The coordinator finds it in the queue and returns it; a reason is required.
    const coordinator = await open();
    await signIn(coordinator, COORDINATOR);
    await coordinator.goto('/reports/review');
    const queued = coordinator.locator('.report-inbox__item[data-agency="01"]');
    await queued.getByRole('link', { name: 'Mở để duyệt' }).click();
    await coordinator.getByRole('button', { name: 'Trả lại báo cáo' }).click();
    await coordinator.getByText('Hãy ghi lý do trả lại.').waitFor();
    await coordinator
      .getByLabel('Lý do trả lại (bắt buộc)')
      .fill('Bổ sung kết quả đã thực hiện của nhiệm vụ.');
    await coordinator.getByRole('button', { name: 'Trả lại báo cáo' }).click();
    await coordinator.locator('.report-page[data-status="returned"]').waitFor();

    // The officer sees the reason in the inbox, fixes the report; the head resubmits.
    await officer.goto('/reports');
    const returned = officer.locator('.report-inbox__item[data-group="returned"]');
    expect(await returned.textContent()).toContain('Bổ sung kết quả đã thực hiện của nhiệm vụ.');
    await returned.getByRole('link', { name: 'Sửa và gửi lại' }).click();
    await officer.locator('.report-returned').waitFor();
    await row(officer, done.code)
      .getByRole('button', { name: `Chi tiết nhiệm vụ ${done.code}` })
      .click();
    await row(officer, done.code)
      .getByLabel('Kết quả đã thực hiện')
      .fill('Đã ban hành kế hoạch và đưa vào vận hành.');
    await saved(officer);
    await head.goto(`/reports/${reportId}`);
    await head.getByRole('button', { name: 'Phê duyệt và gửi báo cáo' }).click();
    await head.locator('.report-page[data-status="submitted"]').waitFor();

    // The coordinator accepts, disagreeing with the agency's 60 % on the other task.
    await coordinator.goto(`/reports/${reportId}`);
    const other = row(coordinator, ongoing.code);
    await other.getByRole('button', { name: `Chi tiết nhiệm vụ ${ongoing.code}` }).click();
    await other.getByLabel('Không đồng ý với tự đánh giá của cơ quan').check();
    await other.getByLabel('Tiến độ (%) theo cơ quan điều phối').fill('40');
    await other.getByLabel('Lý do').fill('Chưa có văn bản triển khai.');
    await coordinator.getByRole('button', { name: 'Chấp nhận báo cáo' }).click();
    await coordinator.locator('.report-page[data-status="accepted"]').waitFor();
    expect(await row(coordinator, ongoing.code).locator('.report-row__assessments').textContent()).toContain(
      'Cơ quan tự đánh giá: Đang thực hiện, 60%. Cơ quan điều phối đánh giá: Đang thực hiện, 40%',
    );

    // Locked for the agency; the public page now says the task is completed.
    await officer.goto(`/reports/${reportId}`);
    await officer.locator('.report-locked').waitFor();
    expect(await officer.locator('.report-rows textarea, .report-rows select').count()).toBe(0);
    await visitor.reload();
    await expect
      .poll(() => visitor.locator('.task-reported-status').getAttribute('data-status'))
      .toMatch(/^completed/);

    // A correction is a new revision with a reason; the accepted one stays readable.
    await officer.getByText('Sửa đổi báo cáo đã được chấp nhận').click();
    await officer.getByLabel('Lý do sửa đổi').fill('Bổ sung số văn bản ban hành.');
    await officer.getByRole('button', { name: 'Mở bản sửa đổi' }).click();
    await officer.waitForURL((url) => !url.pathname.endsWith(`/${reportId}`));
    await officer.getByText('Lý do sửa đổi:').waitFor();
    await officer.getByRole('link', { name: 'Lần 1 (Đã chấp nhận)' }).click();
    await officer.locator('.report-locked').waitFor();
    expect(await officer.locator('.report-page').getAttribute('data-status')).toBe('accepted');
  });

  let secondReport: number;

  it('tells the second of two tabs editing one draft that someone else saved, and loses nothing', async () => {
    const [first, second] = tasks as [{ id: number; code: string }, { id: number; code: string }];
    expected = [/409/];
    const tabA = await open();
    await signIn(tabA, OFFICER);
    await tabA.goto('/reports');
    await tabA
      .locator('.report-inbox__item[data-group="due"]')
      .first()
      .getByRole('button', { name: 'Bắt đầu báo cáo' })
      .click();
    await tabA.waitForURL(/\/reports\/\d+$/);
    secondReport = Number(tabA.url().split('/').pop());
    const tabB = await tabA.context().newPage();
    await tabB.goto(`/reports/${secondReport}`);
    await tabB.getByRole('textbox', { name: 'Tóm tắt của cơ quan' }).waitFor();

    await tabA.getByRole('textbox', { name: 'Tóm tắt của cơ quan' }).fill('Tóm tắt từ thẻ thứ nhất');
    await saved(tabA);
    await row(tabB, second.code).getByLabel(`Trạng thái nhiệm vụ ${second.code}`).selectOption('paused');
    const conflict = tabB.locator('.report-conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('Người khác vừa lưu bản nháp này');
    expect(await conflict.textContent()).toContain('Tóm tắt');
    expect(await conflict.textContent()).toContain('Tóm tắt từ thẻ thứ nhất');
    await conflict.getByRole('button', { name: 'Tiếp tục từ bản hiện tại' }).click();
    await saved(tabB);
    // Both edits are kept: the first tab's summary and the second tab's status.
    await tabA.reload();
    await expect
      .poll(() => tabA.getByRole('textbox', { name: 'Tóm tắt của cơ quan' }).inputValue())
      .toBe('Tóm tắt từ thẻ thứ nhất');
    expect(await row(tabA, second.code).getAttribute('data-status')).toBe('paused');
    expect(await row(tabA, first.code).getAttribute('data-status')).toBe('unreported');
  });

  it('shows the server’s message for progress 140, completed without evidence, and document "abc"', async () => {
    const [first] = tasks as [{ id: number; code: string }];
    expected = [/HTTP 400/, /status of 400/];
    const page = await open();
    await signIn(page, OFFICER);
    await page.goto(`/reports/${secondReport}`);
    const r = row(page, first.code);
    await r.getByLabel(`Trạng thái nhiệm vụ ${first.code}`).selectOption('in_progress');
    await r.getByLabel(`Tiến độ (%) nhiệm vụ ${first.code}`).fill('140');
    await expect
      .poll(() => r.locator('.report-row__issues').textContent())
      .toContain('Tiến độ: phải từ 0 đến 100');
    expect(await page.locator('.report-save').textContent()).toContain('Chưa lưu được');
    await r.getByLabel(`Trạng thái nhiệm vụ ${first.code}`).selectOption('completed');
    await expect
      .poll(() => r.locator('.report-row__issues').textContent())
      .toContain('cần có minh chứng (văn bản, tệp hoặc đường dẫn)');
    await r.getByLabel('Văn bản', { exact: true }).check();
    await r.getByLabel('Số, ký hiệu văn bản').fill('abc');
    await r.getByLabel('Ngày ban hành').fill('01/04/2025');
    await r.getByLabel('Ngày ban hành').press('Enter');
    await r.getByLabel('Cơ quan ban hành').fill('Chính phủ');
    await r.getByRole('button', { name: 'Thêm văn bản' }).click();
    await expect
      .poll(() => r.locator('.report-row__issues').textContent())
      .toContain('phải là số và ký hiệu văn bản');
    // Fixed: the right number saves.
    await r.locator('.report-evidence__list').getByRole('button', { name: 'Xóa' }).click();
    await r.getByLabel('Số, ký hiệu văn bản').fill('71/NQ-CP');
    await r.getByLabel('Ngày ban hành').fill('01/04/2025');
    await r.getByLabel('Ngày ban hành').press('Enter');
    await r.getByLabel('Cơ quan ban hành').fill('Chính phủ');
    await r.getByRole('button', { name: 'Thêm văn bản' }).click();
    await saved(page);
    expect(await r.locator('.report-row__issues').count()).toBe(0);
  });

  for (const language of ['vi', 'en'] as const) {
    for (const view of [
      { name: 'desktop', options: DESKTOP },
      { name: 'phone', options: { ...PHONE, viewport: { width: 375, height: 812 } } },
    ]) {
      it(`renders the inbox, a report and the queue on a ${view.name} in ${language}`, async () => {
        const page = await open({ ...view.options, locale: LOCALES[language] });
        await page.addInitScript((lang) => window.localStorage.setItem('nq57.language', lang), language);
        await signIn(page, OFFICER);
        const shots: [string, string, string][] = [
          ['/reports', '.report-inbox__item', 'reports-inbox'],
          [`/reports/${secondReport}`, '.report-row', 'reports-form'],
        ];
        for (const [url, ready, name] of shots) {
          await page.goto(url);
          await page.locator(ready).first().waitFor();
          if (name === 'reports-form') await page.locator('.report-row__toggle').first().click();
          await page.waitForLoadState('networkidle');
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - window.innerWidth,
          );
          expect(overflow, `${url} is wider than the ${view.name} screen`).toBeLessThanOrEqual(0);
          await page.screenshot({
            path: path.join(OUT, `${name}-${language}-${view.name}.png`),
            fullPage: view.name === 'desktop',
          });
        }
        const coordinator = await open({ ...view.options, locale: LOCALES[language] });
        await coordinator.addInitScript(
          (lang) => window.localStorage.setItem('nq57.language', lang),
          language,
        );
        await signIn(coordinator, COORDINATOR);
        await coordinator.goto(`/reports/${reportId}`);
        await coordinator.locator('.report-row').first().waitFor();
        await coordinator.locator('.report-row__toggle').last().click();
        await coordinator.waitForLoadState('networkidle');
        const overflow = await coordinator.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth,
        );
        expect(overflow, `the accepted report is wider than the ${view.name} screen`).toBeLessThanOrEqual(0);
        await coordinator.screenshot({
          path: path.join(OUT, `reports-accepted-${language}-${view.name}.png`),
        });
      });
    }
  }
});
