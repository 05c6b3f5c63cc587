/// <reference lib="dom" />
// page.evaluate() callbacks run in the browser.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { enterObservation, reviewObservation } from '../../src/modules/targets/observations.service.ts';
import { updateTargetDefinition } from '../../src/modules/targets/target-definition.service.ts';
import type { TargetsActor } from '../../src/modules/targets/targets-actor.ts';
import { DESKTOP, PHONE, startWebHarness, type WatchedPage, type WebHarness } from './web-harness.ts';

/** Screenshots go to .tmp/screenshots; with UPDATE_SCREENSHOTS=1 to docs/screenshots (commit after looking). */
const OUT = process.env.UPDATE_SCREENSHOTS
  ? path.resolve('docs/screenshots')
  : path.resolve('.tmp/screenshots');

const CABLE = 'AP2030-23.3'; // submarine-cable capacity ≥ 350 Tbps by 2030
const RANK = 'T2030-33'; // a rank ≤ 10 by 2030
const EMPTY = 'AP2030-30'; // no values entered in these tests
const QUALITATIVE = 'T2030-Q1';
const TEST_SOURCE = 'Dữ liệu thử nghiệm (test data)';

// Values go in as the platform takes them: the monitoring agency enters and submits, the coordinator
// (another person) accepts.
const officer: TargetsActor = { userId: 901, label: 'officer@test', via: 'api' };
const coordinator: TargetsActor = { userId: 902, label: 'coordinator@test', via: 'api' };

async function acceptValue(web: WebHarness, targetCode: string, year: number, value: number) {
  const db = web.database.db;
  const entered = await enterObservation(
    db,
    officer,
    { programCode: 'NQ57', targetCode },
    { year, value, source: TEST_SOURCE },
  );
  await reviewObservation(db, officer, entered.id, 'submit');
  await reviewObservation(db, coordinator, entered.id, 'accept');
}

const chart = (page: Page) => page.locator('.target-chart[role="img"]');

describe('target pages in Chromium', () => {
  let web: WebHarness;
  let watched: WatchedPage[] = [];
  const open = async (...args: Parameters<WebHarness['open']>) => {
    const opened = await web.open(...args);
    watched.push(opened);
    return opened.page;
  };

  beforeAll(async () => {
    web = await startWebHarness();
    const db = web.database.db;
    await updateTargetDefinition(db, coordinator, 'NQ57', CABLE, {
      baselineValue: 52,
      baselineYear: 2025,
      baselineSource: TEST_SOURCE,
    });
    await acceptValue(web, CABLE, 2025, 52);
    await acceptValue(web, CABLE, 2026, 70.5);
    await updateTargetDefinition(db, coordinator, 'NQ57', RANK, {
      baselineValue: 20,
      baselineYear: 2022,
      baselineSource: TEST_SOURCE,
    });
    await acceptValue(web, RANK, 2024, 16);
    // A value still waiting for review is never shown.
    const draft = await enterObservation(
      db,
      officer,
      { programCode: 'NQ57', targetCode: EMPTY },
      { year: 2025, value: 40 },
    );
    await reviewObservation(db, officer, draft.id, 'submit');
  });
  afterAll(() => web?.close());
  afterEach(() => {
    const problems = watched.flatMap((w) => w.problems);
    watched = [];
    expect(problems, 'console errors or failed requests').toEqual([]);
  });

  it('shows a target with accepted values: definition, class, explanation and chart', async () => {
    const page = await open();
    await page.goto(`/targets/${CABLE}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(`Chỉ tiêu ${CABLE}`);
    const definition = page.locator('.facts');
    await expect.poll(() => definition.textContent()).toContain('≥ 350 Tbps');
    expect(await definition.textContent()).toContain('52 Tbps (năm 2025)');
    expect(await definition.textContent()).toContain(TEST_SOURCE);
    expect(await definition.textContent()).toContain('2030');

    // 52 → 70.5 in a year against 46.4 % a year needed: R ≈ 0.77, moderate progress.
    const progress = page.locator('.target-progress');
    expect(await progress.locator('.progress-badge').textContent()).toBe('Tiến bộ vừa phải');
    expect(await progress.textContent()).toContain('R = 0,77');
    expect(await progress.textContent()).toContain('46,4 %');
    await progress.getByRole('link', { name: 'Tiến độ được xếp loại thế nào?' }).click();
    await page.waitForURL(/#how-progress$/);
    expect(await page.locator('#how-progress').isVisible()).toBe(true);

    // The chart code loads on demand and draws SVG; its summary reads the values.
    await chart(page).locator('svg').waitFor();
    const summary = await chart(page).getAttribute('aria-label');
    expect(summary).toContain('2025: 52 Tbps; 2026: 70,5 Tbps');
    expect(summary).toContain('350 Tbps vào năm 2030');
    expect(await chart(page).getAttribute('data-inverted')).toBe('false');
    // The needed trajectory and the projection are drawn, and the same numbers are in a table.
    expect(await chart(page).locator('svg path').count()).toBeGreaterThan(3);
    await page.getByText('Xem số liệu dạng bảng').click();
    const table = page.locator('.chart-table table');
    expect(await table.textContent()).toContain('70,5');
    expect(await page.locator('.values-table').textContent()).toContain(TEST_SOURCE);
  });

  it('draws a rank with the axis inverted, smaller being better', async () => {
    const page = await open();
    await page.goto(`/targets/${RANK}`);
    await chart(page).locator('svg').waitFor();
    expect(await chart(page).getAttribute('data-inverted')).toBe('true');
    fs.mkdirSync(path.resolve('.tmp/screenshots'), { recursive: true });
    await chart(page).screenshot({ path: path.resolve('.tmp/screenshots/target-chart-rank.png') });
    expect(await page.locator('.target-progress .progress-badge').textContent()).toMatch(/Tiến bộ/);
    expect(await page.locator('.target-progress').textContent()).toContain('giá trị nhỏ hơn là tốt hơn');
  });

  it('says plainly when a target has no accepted value, and draws nothing', async () => {
    const page = await open();
    await page.goto(`/targets/${EMPTY}`);
    await page.locator('.empty-state').waitFor();
    expect(await page.locator('.empty-state').textContent()).toContain('Chưa có giá trị nào được chấp nhận');
    expect(await page.locator('.target-chart').count()).toBe(0);
    expect(await page.locator('.target-progress .progress-badge').textContent()).toBe('Chưa đủ dữ liệu');

    await page.goto(`/targets/${QUALITATIVE}`);
    await page.locator('.empty-state').waitFor();
    expect(await page.locator('.empty-state').textContent()).toContain('Chưa có đánh giá nào được chấp nhận');
    expect(await page.locator('.target-progress .progress-badge').textContent()).toBe('Chưa đánh giá');
  });

  it('filters the targets by progress class and links to each target page', async () => {
    const page = await open();
    await page.goto('/targets');
    await page.locator('.indicator-group').first().waitFor();
    const summary = page.locator('.status-summary');
    await expect.poll(() => summary.textContent()).toContain('Tiến bộ vừa phải');
    expect(await summary.getByRole('link', { name: 'CSV' }).getAttribute('href')).toBe(
      '/api/public/targets.csv',
    );
    expect(await summary.getByRole('link', { name: 'JSON' }).getAttribute('href')).toBe(
      '/api/public/targets.json',
    );
    const allCount = await page.locator('.target').count();

    await summary.getByRole('button', { name: /Tiến bộ vừa phải/ }).click();
    await page.waitForURL(/status=moderate_progress/);
    await expect.poll(() => page.locator('.target').count()).toBeLessThan(allCount);
    const codes = await page.locator('.target .tag--code').allTextContents();
    expect(codes).toContain(CABLE);
    const badges = await page.locator('.target .progress-badge').allTextContents();
    expect(new Set(badges)).toEqual(new Set(['Tiến bộ vừa phải']));
    expect(await page.locator('.results__count').textContent()).toContain('Tiến bộ vừa phải');

    await page.getByRole('link', { name: new RegExp(CABLE.replace('.', '\\.')) }).click();
    await page.waitForURL(new RegExp(`/targets/${CABLE}$`));
    await chart(page).locator('svg').waitFor();

    await page.goBack();
    await page.locator('.status-summary').waitFor();
    await summary.getByRole('button', { name: /^Tất cả/ }).click();
    await expect.poll(() => page.locator('.target').count()).toBe(allCount);
  });

  it('switches the target page to English, numbers included', async () => {
    const page = await open();
    await page.goto(`/targets/${CABLE}`);
    await chart(page).locator('svg').waitFor();
    await page.getByRole('button', { name: 'EN – English' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(`Target ${CABLE}`);
    expect(await page.locator('.target-progress .progress-badge').textContent()).toBe('Moderate progress');
    expect(await page.locator('.target-progress').textContent()).toContain('R = 0.77');
    await expect.poll(() => chart(page).getAttribute('aria-label')).toContain('2026: 70.5 Tbps');
    expect(await page.locator('.facts').textContent()).toContain('52 Tbps (2025)');
  });

  it('prints without the navigation, the chart kept', async () => {
    const page = await open();
    await page.goto(`/targets/${CABLE}`);
    await chart(page).locator('svg').waitFor();
    // The browser announces printing; the chart's figures open for the printout.
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    expect(await page.locator('details.chart-table').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(
      true,
    );
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation').first().isVisible()).toBe(false);
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.site-footer').isVisible()).toBe(false);
    expect(await chart(page).locator('svg').isVisible()).toBe(true);
    fs.mkdirSync(path.resolve('.tmp/screenshots'), { recursive: true });
    await page.screenshot({ path: path.resolve('.tmp/screenshots/target-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    expect(await page.getByRole('navigation').first().isVisible()).toBe(true);
  });

  for (const language of ['vi', 'en'] as const) {
    for (const view of [
      { name: 'desktop', options: DESKTOP },
      { name: 'phone', options: PHONE },
    ]) {
      it(`takes a screenshot of a target page on a ${view.name} in ${language}`, async () => {
        fs.mkdirSync(OUT, { recursive: true });
        const page = await open({ ...view.options, locale: language === 'vi' ? 'vi-VN' : 'en-GB' });
        await page.addInitScript((lang) => window.localStorage.setItem('nq57.language', lang), language);
        await page.goto(`/targets/${CABLE}`);
        await chart(page).locator('svg').waitFor();
        await page.waitForLoadState('networkidle');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, 'wider than the screen').toBeLessThanOrEqual(0);
        await page.screenshot({
          path: path.join(OUT, `target-${language}-${view.name}.png`),
          fullPage: true,
        });
        // The chart alone, for a closer look while reviewing (not committed).
        fs.mkdirSync(path.resolve('.tmp/screenshots'), { recursive: true });
        await chart(page)
          .locator('xpath=ancestor::section[1]')
          .screenshot({ path: path.resolve(`.tmp/screenshots/target-chart-${language}-${view.name}.png`) });
      });
    }
  }
});
