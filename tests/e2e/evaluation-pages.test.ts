/// <reference lib="dom" />
// page.evaluate() callbacks run in the browser.
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContextOptions } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/modules/audit/actor.ts';
import {
  answerRecheck,
  publishEvaluation,
  requestRecheck,
  type SnapshotContent,
} from '../../src/modules/evaluation/evaluation.service.ts';
import {
  DESKTOP,
  PHONE,
  startWebHarness,
  type WatchedPage,
  type WebHarness,
  widerThanScreen,
} from './web-harness.ts';

/**
 * The public evaluation pages on a database where the coordinator has published two snapshots of the
 * bundled Program (the first half of 2025, then the whole year, so the second shows changes) and one
 * agency asked for a recheck that was answered, and another that is pending.
 */
const OUT = process.env.UPDATE_SCREENSHOTS
  ? path.resolve('docs/screenshots')
  : path.resolve('.tmp/screenshots');

interface Seeded {
  firstId: number;
  secondId: number;
  ministry: { agencyId: number; name: string };
  province: { agencyId: number; name: string };
}

describe('public evaluation pages in Chromium', () => {
  let web: WebHarness;
  let seeded: Seeded;
  let watched: WatchedPage[] = [];
  const open = async (options?: BrowserContextOptions, language: 'vi' | 'en' = 'vi') => {
    const opened = await web.open({ ...(options ?? DESKTOP), locale: language === 'vi' ? 'vi-VN' : 'en-GB' });
    await opened.page.addInitScript((lang) => window.localStorage.setItem('nq57.language', lang), language);
    watched.push(opened);
    return opened.page;
  };

  beforeAll(async () => {
    web = await startWebHarness({
      seed: async (database) => {
        const db = database.db;
        const first = await publishEvaluation(db, cliActor(), { programCode: 'NQ57', period: '2025-H1' });
        const second = await publishEvaluation(db, cliActor(), { programCode: 'NQ57', period: '2025' });
        const content = second.content as SnapshotContent;
        const ranked = (cls: 'ministry' | 'province') =>
          content.rankings.find((r) => r.agencyClass === cls)?.ranked[0];
        const ministry = ranked('ministry');
        const province = ranked('province');
        if (!ministry || !province) throw new Error('the 2025 snapshot ranks no ministry or no province');
        const asked = await requestRecheck(
          db,
          cliActor(),
          second.id,
          { agencyId: ministry.agencyId, reason: 'Nhiệm vụ đã hoàn thành nhưng báo cáo chưa được ghi nhận.' },
          () => true,
        );
        await answerRecheck(db, cliActor(), asked.id, {
          answer: 'Báo cáo được tiếp nhận sau ngày chốt số liệu; sẽ phản ánh ở kỳ sau.',
          outcome: 'corrected_in_next',
        });
        await requestRecheck(
          db,
          cliActor(),
          second.id,
          { agencyId: province.agencyId, reason: 'Đề nghị rà soát thời hạn đã được gia hạn.' },
          () => true,
        );
        seeded = { firstId: first.id, secondId: second.id, ministry, province };
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

  it('lists the published snapshots, newest first, from the main navigation', async () => {
    const page = await open();
    await page.goto('/');
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Đánh giá' })
      .click();
    await page.waitForURL(/\/evaluations$/);
    const table = page.getByRole('table', { name: 'Các kỳ đánh giá đã công bố, mới nhất trước' });
    await table.waitFor();
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toContain('Năm 2025');
    expect(await rows.nth(0).textContent()).toContain('31/12/2025');
    expect(await rows.nth(1).textContent()).toContain('6 tháng đầu năm 2025');
    await expect
      .poll(() => rows.nth(0).textContent())
      .toContain('Phương pháp chấm điểm mặc định, phiên bản 1');
  });

  it('says so honestly when nothing is published', async () => {
    const page = await open();
    await page.route('**/api/public/evaluations', (route) =>
      route.fulfill({ json: { items: [] }, headers: { 'content-type': 'application/json' } }),
    );
    await page.goto('/evaluations');
    await page.getByText('Chưa có kỳ đánh giá nào được công bố.').waitFor();
  });

  it('shows both rankings, the changes, the rechecks, the hash and how the score is computed', async () => {
    const page = await open();
    await page.goto(`/evaluations/${seeded.secondId}`);
    await page.getByRole('heading', { level: 1, name: 'Đánh giá: Năm 2025' }).waitFor();
    const ministries = page.getByRole('table', { name: /Xếp hạng các bộ/ });
    const provinces = page.getByRole('table', { name: /Xếp hạng các tỉnh/ });
    await ministries.waitFor();
    await provinces.waitFor();
    expect(await ministries.locator('thead').textContent()).toContain('Quá hạn chưa hoàn thành');
    expect(await ministries.locator('tbody').textContent()).toContain(seeded.ministry.name);
    expect(await provinces.locator('tbody').textContent()).toContain(seeded.province.name);
    // Row headers name the agency; column headers are scoped.
    expect(await ministries.locator('tbody th[scope="row"]').count()).toBeGreaterThan(0);
    expect(await ministries.locator('thead th[scope="col"]').count()).toBe(12);
    // Since the previous snapshot (the first half): a move or "new in ranking" on every row.
    expect(await ministries.locator('tbody').textContent()).toMatch(/điểm|mới vào bảng/);
    await page.getByText('Khớp: nội dung chưa bị thay đổi').waitFor();
    await page.getByRole('link', { name: '6 tháng đầu năm 2025' }).waitFor();

    const rechecks = page.getByRole('region', { name: 'Đề nghị rà soát lại' });
    expect(await rechecks.textContent()).toContain(
      'Nhiệm vụ đã hoàn thành nhưng báo cáo chưa được ghi nhận.',
    );
    expect(await rechecks.textContent()).toContain('Sẽ điều chỉnh ở kỳ sau');
    expect(await rechecks.textContent()).toContain('Đang chờ cơ quan điều phối trả lời.');

    const method = page.getByRole('region', { name: 'Điểm được tính thế nào?' });
    const weights = method.getByRole('table', { name: 'Tiêu chí, trọng số và mức trừ điểm' });
    const weightOf = (name: string) =>
      weights
        .getByRole('row', { name: new RegExp(name) })
        .locator('td.num')
        .textContent();
    expect(await weightOf('Hoàn thành đúng hạn')).toBe('40');
    expect(await weightOf('Báo cáo đúng hạn')).toBe('25');
    expect(await weightOf('Quá hạn chưa hoàn thành')).toBe('−20');
    expect(await method.textContent()).toContain('Σ(trọng số × tỷ lệ)');
    expect(await method.textContent()).toContain('nhiệm vụ phối hợp tính là 0,5');
  });

  it('opens an agency score into its components, down to the tasks that made it', async () => {
    const page = await open();
    await page.goto(`/evaluations/${seeded.secondId}`);
    const ministries = page.getByRole('table', { name: /Xếp hạng các bộ/ });
    await ministries.getByRole('link', { name: seeded.ministry.name }).click();
    await page.waitForURL(
      new RegExp(`/evaluations/${seeded.secondId}/agencies/${seeded.ministry.agencyId}$`),
    );
    await page.getByRole('heading', { level: 2, name: 'Điểm gồm những thành phần nào' }).waitFor();
    const components = page.getByRole('table', { name: 'Điểm gồm những thành phần nào' });
    expect(await components.locator('tbody tr').count()).toBe(6);
    // The overdue penalty lists the tasks behind it, each linked to its task page, with role and status.
    const overdue = page.getByRole('table', { name: /Quá hạn chưa hoàn thành \(trừ điểm\)/ });
    await overdue.waitFor();
    const firstTask = overdue.locator('tbody tr').first();
    expect(await firstTask.textContent()).toMatch(/Chủ trì|Phối hợp/);
    expect(await overdue.locator('tbody').textContent()).toContain('Quá hạn chưa hoàn thành');
    const link = firstTask.getByRole('link');
    const code = (await link.textContent()) ?? '';
    expect(await link.getAttribute('href')).toMatch(/^\/tasks\/\d+$/);
    expect(await page.getByRole('region', { name: 'Đề nghị rà soát lại' }).textContent()).toContain(
      'Nhiệm vụ đã hoàn thành nhưng báo cáo chưa được ghi nhận.',
    );
    await link.click();
    await page.waitForURL(/\/tasks\/\d+$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBeTruthy();
    expect(await page.locator('main').textContent()).toContain(code);
  });

  it('switches the evaluation pages to English', async () => {
    const page = await open();
    await page.goto(`/evaluations/${seeded.secondId}`);
    await page.getByRole('heading', { level: 2, name: 'Điểm được tính thế nào?' }).waitFor();
    await page.getByRole('button', { name: 'EN – English' }).click();
    await page.getByRole('heading', { level: 2, name: 'How is this score computed?' }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Evaluation: Year 2025' }).waitFor();
    await page.getByRole('table', { name: /Ranking of provinces/ }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByText('Verified: the content is unchanged').waitFor();
  });

  const SHOTS = [
    {
      name: 'evaluations',
      path: () => '/evaluations',
      ready: '.eval-list-table:visible, .eval-cards:visible',
    },
    { name: 'evaluation', path: () => `/evaluations/${seeded.secondId}`, ready: '.eval-method' },
    {
      name: 'evaluation-agency',
      path: () => `/evaluations/${seeded.secondId}/agencies/${seeded.ministry.agencyId}`,
      ready: '.eval-component',
    },
  ];
  for (const language of ['vi', 'en'] as const) {
    for (const view of [
      { name: 'desktop', options: DESKTOP },
      { name: 'phone', options: PHONE },
    ]) {
      it(`renders on a ${view.name} in ${language}, nothing wider than the screen`, async () => {
        const page = await open(view.options, language);
        for (const shot of SHOTS) {
          await page.goto(shot.path());
          await page.locator(shot.ready).first().waitFor();
          await page.waitForLoadState('networkidle');
          expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
          const wider = await widerThanScreen(page);
          expect(wider, `${shot.path()} is wider than the ${view.name} screen`).toEqual([]);
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - window.innerWidth,
          );
          expect(overflow, `${shot.path()} scrolls sideways on a ${view.name}`).toBeLessThanOrEqual(0);
          await page.screenshot({
            path: path.join(OUT, `${shot.name}-${language}-${view.name}.png`),
            fullPage: process.env.FULL_PAGE === '1',
          });
        }
      });
    }
  }
});
