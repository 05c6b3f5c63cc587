/// <reference lib="dom" />
// page.evaluate() callbacks run in the browser.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { BrowserContextOptions } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/database.ts';
import { loadWorkingCalendar } from '../../src/modules/calendar/calendar.service.ts';
import { applyIllustrativeReports } from '../../src/modules/reports/illustrative-reports.service.ts';
import { reportsRepository } from '../../src/modules/reports/reports.repository.ts';
import { vietnamToday } from '../../src/modules/task-status/dates.ts';
import { DESKTOP, PHONE, signIn, startWebHarness, type WatchedPage, type WebHarness } from './web-harness.ts';

const OUT = process.env.UPDATE_SCREENSHOTS
  ? path.resolve('docs/screenshots')
  : path.resolve('.tmp/screenshots');
const LOCALES = { vi: 'vi-VN', en: 'en-GB' } as const;
const COORDINATOR = 'coordinator@nq57.example';
const OFFICER = 'focal.hanoi@nq57.example';

/**
 * Issue 5's notifications, reporting rates and demo data in the browser: the coordinator sends today's
 * reminders, the officer finds one in the bell, reads it and chooses channels; the rates page shows its
 * figures; a public task page labels demo mode's illustrative report data.
 */
describe('notifications, reporting rates and illustrative reports (Chromium)', () => {
  let web: WebHarness;
  let watched: WatchedPage[] = [];
  /** A task whose status today comes from an illustrative accepted report. */
  let illustrativeTask: number;
  const open = async (options: BrowserContextOptions = DESKTOP) => {
    const opened = await web.open(options);
    watched.push(opened);
    return opened.page;
  };

  beforeAll(async () => {
    web = await startWebHarness({
      demo: true,
      seed: async (database) => {
        const db = database.db;
        // As `nq57 serve` does in demo mode (the harness adds the demo accounts itself).
        await applyIllustrativeReports(db, { demo: true });
        // Hà Nội's report due in two working days from today: the 3-day reminder is due now.
        const reports = reportsRepository(db);
        const programId = (await reports.programId('NQ57'))!;
        const schedule = (await reports.schedules(programId)).find((s) => s.frequency === 'semiannual')!;
        const [hanoi] = await rows<{ id: number }>(db, sql`SELECT id FROM org_unit WHERE code = '01'`);
        const due = (await loadWorkingCalendar(db)).addWorkingDays(vietnamToday(), 2);
        await reports.insertObligations([
          {
            scheduleId: schedule.id,
            programId,
            agencyId: hanoi!.id,
            period: `${due.slice(0, 4)}-H2`,
            periodStart: `${due.slice(0, 4)}-07-01`,
            periodEnd: `${due.slice(0, 4)}-12-31`,
            dueDate: due,
          },
        ]);
      },
    });
    const [found] = await rows<{ taskId: number }>(
      web.database.db,
      sql`SELECT s.task_id AS "taskId" FROM task_current_status s JOIN report r ON r.id = s.report_id
          JOIN org_unit o ON o.id = s.agency_id
          JOIN task_agency ta ON ta.task_id = s.task_id AND ta.org_unit_id = s.agency_id AND ta.role = 'lead'
          WHERE r.illustrative ORDER BY o.code, s.task_id LIMIT 1`,
    );
    illustrativeTask = found!.taskId;
    fs.mkdirSync(OUT, { recursive: true });
  });
  afterAll(() => web?.close());
  afterEach(() => {
    const problems = watched.flatMap((w) => w.problems);
    watched = [];
    expect(problems, 'console errors or failed requests').toEqual([]);
  });

  it('the coordinator sets reminder days and sends today’s reminders from the rates page', async () => {
    const page = await open();
    await signIn(page, COORDINATOR);
    await page.goto('/');
    await page.getByRole('link', { name: 'Tỷ lệ báo cáo' }).click();
    await page.getByRole('heading', { name: 'Cài đặt nhắc hạn' }).waitFor();
    const days = page.getByLabel('Nhắc trước hạn (ngày làm việc)');
    await expect.poll(() => days.inputValue()).toBe('7, 3, 1');
    await days.fill('1 3 7 10');
    await page.getByRole('button', { name: 'Lưu cài đặt nhắc hạn' }).click();
    await page.getByText('Đã lưu cài đặt nhắc hạn.').waitFor();
    await expect.poll(() => days.inputValue()).toBe('10, 7, 3, 1');
    await page.getByRole('button', { name: 'Gửi nhắc hạn hôm nay ngay' }).click();
    await expect
      .poll(() => page.getByTestId('reminder-run').textContent())
      .toMatch(/^Đã gửi [1-9]\d* nhắc hạn mới/);
  });

  it('the officer sees the reminder in the bell, reads it, and chooses channels', async () => {
    const page = await open();
    await signIn(page, OFFICER);
    await page.goto('/');
    const bell = page.getByTestId('notification-bell');
    await expect.poll(() => page.getByTestId('notification-count').textContent()).toMatch(/^[1-9]/);
    await bell.click();
    await page.getByRole('heading', { name: 'Thông báo', level: 1 }).waitFor();
    const reminder = page.getByTestId('notification').filter({ hasText: 'Sắp đến hạn: Báo cáo kỳ' }).first();
    await reminder.waitFor();
    await expect.poll(() => reminder.textContent()).toContain('Thành phố Hà Nội');
    const unreadBefore = Number(await page.getByTestId('notification-count').textContent());
    await reminder.getByRole('button', { name: 'Đánh dấu đã đọc' }).click();
    await expect.poll(() => reminder.textContent()).toContain('đã đọc');
    if (unreadBefore > 1) {
      await page.getByRole('button', { name: 'Đánh dấu tất cả đã đọc' }).click();
    }
    await expect.poll(() => page.getByTestId('notification-count').count()).toBe(0);

    await page.getByLabel('Thư điện tử', { exact: true }).check();
    await page.getByLabel('Địa chỉ thư điện tử').fill('dau.moi@hanoi.example');
    await page.getByRole('button', { name: 'Lưu kênh nhận' }).click();
    await page.getByText('Đã lưu kênh nhận nhắc hạn.').waitFor();
    await page.reload();
    await expect
      .poll(() => page.getByLabel('Địa chỉ thư điện tử').inputValue())
      .toBe('dau.moi@hanoi.example');
    expect(await page.getByLabel('Thư điện tử', { exact: true }).isChecked()).toBe(true);
  });

  it('shows reporting rates for 2025 with ministries and provinces apart, illustrative rows labelled', async () => {
    const page = await open();
    await signIn(page, OFFICER);
    await page.goto('/reporting-rates?year=2025');
    const summary = page.getByTestId('rate-summary');
    await summary.waitFor();
    await expect.poll(() => summary.textContent()).toContain('Phải nộp10');
    await expect.poll(() => summary.textContent()).toContain('Đã nộp9 (90%)');
    await page.getByRole('heading', { name: 'Tỉnh, thành phố trực thuộc trung ương' }).waitFor();
    expect(await page.getByRole('table').count()).toBe(2);
    await page.getByLabel('Nhóm cơ quan').selectOption('provinces');
    await expect.poll(() => page.getByRole('table').count()).toBe(1);
    await page.getByLabel('Kỳ báo cáo').selectOption('2025-H1');
    await expect.poll(() => summary.textContent()).toContain('Phải nộp2');
    expect(await page.getByRole('table').getByTestId('illustrative').count()).toBe(2);
  });

  it('labels the illustrative status on a public task page and an agency page, in both languages', async () => {
    const page = await open();
    await page.goto(`/tasks/${illustrativeTask}`);
    await page.getByRole('heading', { name: 'Tình hình thực hiện theo báo cáo' }).waitFor();
    await expect.poll(() => page.getByTestId('illustrative').first().textContent()).toBe('Minh hoạ');
    await page.getByRole('button', { name: 'EN – English' }).click();
    await expect.poll(() => page.getByTestId('illustrative').first().textContent()).toBe('Illustrative');
    await page.goto('/agencies/BKHCN');
    await page.getByRole('heading', { name: "The agency's reports" }).waitFor();
    await expect.poll(() => page.getByTestId('illustrative').first().textContent()).toBe('Illustrative');
  });

  it('labels illustrative reports in the agency’s inbox, on the report and in the review queue', async () => {
    const officer = await open();
    await signIn(officer, OFFICER);
    await officer.goto('/reports');
    await officer.getByRole('heading', { name: 'Báo cáo tiến độ' }).waitFor();
    const card = officer.locator('.report-inbox__item').filter({ has: officer.getByTestId('illustrative') });
    await card.first().waitFor();
    await card.first().getByRole('link').click();
    await officer.locator('h1').filter({ hasText: 'Báo cáo kỳ' }).waitFor();
    expect(await officer.getByTestId('illustrative').first().textContent()).toBe('Minh hoạ');
    const coordinator = await open();
    await signIn(coordinator, COORDINATOR);
    await coordinator.goto('/reports/review');
    await coordinator.getByRole('heading', { name: 'Duyệt báo cáo' }).first().waitFor();
    // The one illustrative story left waiting for review (decision 100).
    await coordinator.locator('.report-inbox__item').getByTestId('illustrative').first().waitFor();
  });

  for (const [language, locale] of Object.entries(LOCALES)) {
    for (const view of [
      { name: 'desktop', options: DESKTOP },
      { name: 'phone', options: PHONE },
    ]) {
      it(`renders the screens in ${language} on ${view.name} without overflow`, async () => {
        // The officer's inbox holds the reminder; the rates page with the coordinator's reminder settings.
        const shots: [string, string, string][] = [
          [OFFICER, '/notifications', 'notifications'],
          [COORDINATOR, '/reporting-rates?year=2025', 'reporting-rates'],
          [COORDINATOR, `/tasks/${illustrativeTask}`, 'task-illustrative'],
        ];
        for (const [who, url, name] of shots) {
          const page = await open({ ...view.options, locale });
          await page.addInitScript((lng) => localStorage.setItem('nq57.language', lng), language);
          await signIn(page, who);
          await page.goto(url);
          await page.locator('h1').first().waitFor();
          await page.waitForLoadState('networkidle');
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - window.innerWidth,
          );
          expect(overflow, `${name} is wider than the ${view.name} screen`).toBeLessThanOrEqual(0);
          await page.screenshot({
            path: path.join(OUT, `${name}-${language}-${view.name}.png`),
            fullPage: name !== 'task-illustrative',
          });
        }
      });
    }
  }
});
