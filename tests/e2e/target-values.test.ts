/// <reference lib="dom" />
// page.evaluate() callbacks run in the browser.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/database.ts';
import { enterObservation, reviewObservation } from '../../src/modules/targets/observations.service.ts';
import type { TargetsActor } from '../../src/modules/targets/targets-actor.ts';
import { DESKTOP, PHONE, signIn, startWebHarness, type WatchedPage, type WebHarness } from './web-harness.ts';

/** Screenshots go to .tmp/screenshots; with UPDATE_SCREENSHOTS=1 to docs/screenshots (commit after looking). */
const OUT = process.env.UPDATE_SCREENSHOTS
  ? path.resolve('docs/screenshots')
  : path.resolve('.tmp/screenshots');
const LOCALES = { vi: 'vi-VN', en: 'en-GB' } as const;

const CABLE = 'AP2030-23.3'; // submarine-cable capacity ≥ 350 Tbps by 2030, monitored by Bộ KH&CN
const OFFICER = 'focal.bkhcn@nq57.example';
const HANOI = 'focal.hanoi@nq57.example';
const COORDINATOR = 'coordinator@nq57.example';

const chart = (page: Page) => page.locator('.target-chart[role="img"]');
const valueItem = (page: Page, status: string) => page.locator(`.value-item[data-status="${status}"]`);

/**
 * Issue 7's "done when", in the browser: the coordinator sets a baseline (a new version), the monitoring
 * agency's officer enters a value (bad input refused with the server's message, nothing stored), the
 * coordinator returns it once, accepts it after the fix, and the public chart gains the point and the
 * target its class.
 */
describe('target values: enter, review, publish (Chromium)', () => {
  let web: WebHarness;
  let watched: WatchedPage[] = [];
  const open = async (options: BrowserContextOptions = DESKTOP) => {
    const opened = await web.open(options);
    watched.push(opened);
    return opened;
  };
  const storedValues = async () =>
    (
      await rows<{ n: number }>(
        web.database.db,
        sql`SELECT count(*)::int AS n FROM target_observation o JOIN target t ON t.id = o.target_id
             WHERE t.code = ${CABLE}`,
      )
    )[0]!.n;

  beforeAll(async () => {
    web = await startWebHarness({
      demo: true,
      // The 2025 figure is already accepted; without a baseline the target cannot be classed yet.
      seed: async (database) => {
        const console: TargetsActor = { userId: null, label: 'seed', via: 'cli' };
        const reviewer: TargetsActor = { userId: null, label: 'seed reviewer', via: 'cli' };
        const db = database.db;
        const first = await enterObservation(
          db,
          console,
          { programCode: 'NQ57', targetCode: CABLE },
          { year: 2025, value: 52, source: 'Báo cáo tháng 5/2025' },
        );
        await reviewObservation(db, console, first.id, 'submit');
        await reviewObservation(db, reviewer, first.id, 'accept');
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

  it('shows the public target before: one point, not classed for want of a baseline', async () => {
    const { page } = await open();
    await page.goto(`/targets/${CABLE}`);
    await chart(page).locator('svg').waitFor();
    expect(await chart(page).getAttribute('aria-label')).toContain('2025: 52 Tbps.');
    expect(await page.locator('.target-progress .progress-badge').getAttribute('data-status')).toBe(
      'insufficient_data',
    );
  });

  it('lets the coordinator set the baseline with its source; the version history shows it', async () => {
    const { page } = await open();
    await signIn(page, COORDINATOR);
    await page.goto(`/targets/${CABLE}`);
    await page.getByRole('link', { name: 'Sửa định nghĩa chỉ tiêu (điều phối viên)' }).click();
    await page.getByRole('heading', { name: `Định nghĩa chỉ tiêu ${CABLE}` }).waitFor();
    await page.getByLabel('Giá trị', { exact: true }).fill('52');
    await page.getByLabel('Năm', { exact: true }).fill('2025');
    await page.getByLabel('Nguồn của giá trị cơ sở').fill('Báo cáo của Bộ KH&CN tháng 5/2025');
    await page.getByLabel('Lý do thay đổi').fill('Đặt giá trị cơ sở theo báo cáo tháng 5/2025');
    await page.getByRole('button', { name: 'Lưu phiên bản mới' }).click();
    const history = page.locator('.version-list__item').first();
    await expect.poll(() => history.textContent()).toContain('Phiên bản 2');
    expect(await history.textContent()).toContain('Đặt giá trị cơ sở theo báo cáo tháng 5/2025');
    expect(await history.textContent()).toContain('Giá trị cơ sở: — → 52');
  });

  it('refuses an officer of another agency: the target is not in their list, and the server says why', async () => {
    const { page } = await open();
    await signIn(page, HANOI);
    await page.goto('/target-values');
    await page.getByText('Đơn vị của bạn chưa được giao theo dõi chỉ tiêu nào.').waitFor();
    const refused = await page.request.post(`/api/targets/${CABLE}/values`, {
      data: { year: 2026, value: 1 },
      headers: { origin: web.baseUrl },
    });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error.message).toContain(`does not monitor target ${CABLE}`);
  });

  it('refuses bad values with the server’s message and stores nothing, then saves and submits a draft', async () => {
    const watchedPage = await open();
    const { page } = watchedPage;
    await signIn(page, OFFICER);
    await page.goto('/');
    await page.getByRole('link', { name: 'Nhập số liệu chỉ tiêu' }).click();
    await page.getByRole('heading', { name: 'Số liệu chỉ tiêu của đơn vị' }).waitFor();
    await page.getByLabel('Chỉ tiêu', { exact: true }).selectOption(CABLE);
    const before = await storedValues();
    const error = page.locator('.value-form .form-error');
    const attempt = async (fields: { year?: string; value?: string; unit?: string }, message: string) => {
      if (fields.year !== undefined) await page.getByLabel('Năm', { exact: true }).fill(fields.year);
      if (fields.value !== undefined) await page.getByLabel('Giá trị', { exact: true }).fill(fields.value);
      if (fields.unit !== undefined) await page.getByLabel('Đơn vị tính').fill(fields.unit);
      await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
      await expect.poll(() => error.textContent()).toContain(message);
    };
    await attempt({ year: '2026', value: 'xem báo cáo' }, 'value:');
    await attempt({ value: '120,5', unit: 'GB' }, 'unit:');
    await attempt({ year: '1999', unit: 'Tbps' }, 'year:');
    await attempt({ year: '2025' }, 'year: đã có giá trị cho 2025');
    expect(await storedValues()).toBe(before);
    // Those four refusals were the point of the test: 400 and 409 answers, nothing else.
    const refusals = watchedPage.problems.splice(0);
    expect(refusals.filter((p) => !/(status of 40[09])|(HTTP 40[09]: .*\/values)/.test(p))).toEqual([]);

    await page.getByLabel('Năm', { exact: true }).fill('2026');
    await page.getByLabel('Giá trị', { exact: true }).fill('100');
    await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await page.getByText(`Đã lưu bản nháp cho chỉ tiêu ${CABLE}`).waitFor();
    const draft = valueItem(page, 'draft');
    await draft.waitFor();
    await draft.getByRole('button', { name: 'Gửi duyệt' }).click();
    await valueItem(page, 'submitted').waitFor();
    expect(await storedValues()).toBe(before + 1);
  });

  it('lets the coordinator return the value with a reason', async () => {
    const { page } = await open();
    await signIn(page, COORDINATOR);
    await page.goto('/target-values/review');
    const item = page.locator('.value-item').filter({ hasText: CABLE });
    await item.waitFor();
    expect(await item.textContent()).toContain('100 Tbps');
    expect(await item.textContent()).toContain('52 Tbps (2025)'); // the previous accepted value
    await item.getByRole('button', { name: 'Trả lại…' }).click();
    await item.getByLabel('Lý do trả lại').fill('Số liệu chưa khớp báo cáo quý IV; ghi nguồn');
    await item.getByRole('button', { name: 'Trả lại cho cơ quan' }).click();
    await page.getByText('Không có giá trị nào chờ duyệt.').waitFor();
  });

  it('lets the officer read the reason, fix the value and submit it again', async () => {
    const { page } = await open(PHONE);
    await signIn(page, OFFICER);
    await page.goto('/target-values?status=returned');
    const returned = valueItem(page, 'returned');
    await returned.waitFor();
    expect(await returned.textContent()).toContain('Số liệu chưa khớp báo cáo quý IV; ghi nguồn');
    await returned.getByRole('button', { name: 'Sửa' }).click();
    await page.getByRole('heading', { name: `Sửa giá trị của chỉ tiêu ${CABLE}` }).waitFor();
    await page.getByLabel('Giá trị', { exact: true }).fill('120,5');
    await page.getByLabel('Nguồn số liệu').fill('Báo cáo quý IV/2026 của Bộ KH&CN');
    await page.getByRole('button', { name: 'Lưu bản sửa' }).click();
    await page.getByText(`Đã lưu bản sửa cho chỉ tiêu ${CABLE}`).waitFor();
    await page.getByRole('button', { name: /^Bản nháp/ }).click();
    await valueItem(page, 'draft').getByRole('button', { name: 'Gửi duyệt' }).click();
    await page.getByRole('button', { name: /^Đã gửi, chờ duyệt \(1\)/ }).waitFor();
  });

  it('accepts after the fix, and the public chart gains the point and the target its class', async () => {
    const { page } = await open();
    await signIn(page, COORDINATOR);
    await page.goto('/target-values/review');
    const item = page.locator('.value-item').filter({ hasText: CABLE });
    await expect.poll(() => item.textContent()).toContain('120,5 Tbps');
    await item.getByRole('button', { name: 'Chấp nhận' }).click();
    await page.getByText('Không có giá trị nào chờ duyệt.').waitFor();

    const visitor = (await open()).page;
    await visitor.goto(`/targets/${CABLE}`);
    await chart(visitor).locator('svg').waitFor();
    expect(await chart(visitor).getAttribute('aria-label')).toContain('2025: 52 Tbps; 2026: 120,5 Tbps');
    // 52 → 120.5 in a year against 46.4 % a year needed: R ≈ 2.84 (docs/targets-progress.md, worked example).
    const badge = visitor.locator('.target-progress .progress-badge');
    expect(await badge.getAttribute('data-status')).toBe('substantial_progress');
    expect(await visitor.locator('.target-progress').textContent()).toContain('R = 2,84');
    expect(await visitor.locator('.values-table').textContent()).toContain(
      'Báo cáo quý IV/2026 của Bộ KH&CN',
    );
  });

  // One value waiting for review, so the queue has something to show in the pictures.
  let pendingSeeded = false;
  const seedPending = async () => {
    if (pendingSeeded) return;
    pendingSeeded = true;
    const officer: TargetsActor = { userId: null, label: OFFICER, via: 'cli' };
    const value = await enterObservation(
      web.database.db,
      officer,
      { programCode: 'NQ57', targetCode: 'AP2030-23.2' },
      { year: 2026, value: 6, source: 'Cục Viễn thông', note: 'Tuyến cáp ADC đưa vào khai thác' },
    );
    await reviewObservation(web.database.db, officer, value.id, 'submit');
  };

  for (const language of ['vi', 'en'] as const) {
    for (const view of [
      { name: 'desktop', options: DESKTOP },
      { name: 'phone', options: PHONE },
    ]) {
      it(`renders the staff target screens on a ${view.name} in ${language}`, async () => {
        const shots = [
          { who: OFFICER, name: 'target-values', path: '/target-values', ready: '.value-item' },
          { who: COORDINATOR, name: 'target-review', path: '/target-values/review', ready: '.value-item' },
          {
            who: COORDINATOR,
            name: 'target-definition',
            path: `/targets/${CABLE}/definition`,
            ready: '.version-list__item',
          },
        ];
        await seedPending();
        for (const shot of shots) {
          const { page } = await open({ ...view.options, locale: LOCALES[language] });
          await page.addInitScript((lang) => window.localStorage.setItem('nq57.language', lang), language);
          await signIn(page, shot.who);
          await page.goto(shot.path);
          await page.locator(shot.ready).first().waitFor();
          await page.waitForLoadState('networkidle');
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - window.innerWidth,
          );
          expect(overflow, `${shot.path} is wider than the ${view.name} screen`).toBeLessThanOrEqual(0);
          await page.screenshot({ path: path.join(OUT, `${shot.name}-${language}-${view.name}.png`) });
        }
      });
    }
  }
});
