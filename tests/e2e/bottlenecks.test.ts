/// <reference lib="dom" />
// page.evaluate() callbacks run in the browser.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { BrowserContextOptions } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/database.ts';
import { systemActor } from '../../src/modules/audit/actor.ts';
import { raiseBottleneck } from '../../src/modules/bottlenecks/bottlenecks.service.ts';
import { DESKTOP, PHONE, signIn, startWebHarness, type WatchedPage, type WebHarness } from './web-harness.ts';

const OUT = process.env.UPDATE_SCREENSHOTS
  ? path.resolve('docs/screenshots')
  : path.resolve('.tmp/screenshots');
const LOCALES = { vi: 'vi-VN', en: 'en-GB' } as const;
const COORDINATOR = 'coordinator@nq57.example';
const STEERING = 'steering@nq57.example';
const OFFICER = 'focal.hanoi@nq57.example';

/**
 * The bottleneck board (issue 5): counts and filters, the coordinator raises and escalates, the
 * steering committee answers, the coordinator clears, and each card tells what happened.
 */
describe('the bottleneck board (Chromium)', () => {
  let web: WebHarness;
  let watched: WatchedPage[] = [];
  let task: { id: number; code: string };
  const open = async (options: BrowserContextOptions = DESKTOP) => {
    const opened = await web.open(options);
    watched.push(opened);
    return opened.page;
  };

  beforeAll(async () => {
    web = await startWebHarness({
      demo: true,
      // A few bottlenecks as agencies raise them in reports (here through the service).
      seed: async (database) => {
        const db = database.db;
        const found = await rows<{ programId: number; btc: number; hanoi: number; taskId: number }>(
          db,
          sql`SELECT p.id AS "programId", (SELECT id FROM org_unit WHERE code = 'BTC') AS btc,
                     (SELECT id FROM org_unit WHERE code = '01') AS hanoi,
                     (SELECT min(id) FROM task WHERE program_id = p.id AND plan_id IS NULL) AS "taskId"
                FROM program p WHERE p.code = 'NQ57'`,
        );
        const { programId, btc, hanoi, taskId } = found[0]!;
        const actor = systemActor('seed');
        for (const [agencyId, type, description] of [
          [btc, 'finance', 'Chưa bố trí vốn đầu tư công cho trung tâm dữ liệu quốc gia'],
          [btc, 'legal', 'Chưa có nghị định hướng dẫn cơ chế thử nghiệm có kiểm soát (sandbox)'],
          [hanoi, 'people', 'Thiếu kỹ sư an ninh mạng cho các sở, ngành'],
          [hanoi, 'infrastructure', 'Hạ tầng cáp quang tới xã vùng cao chưa hoàn thành'],
        ] as const)
          await raiseBottleneck(db, actor, { programId, agencyId, taskId, type, description });
      },
    });
    const [first] = await rows<{ id: number; code: string }>(
      web.database.db,
      sql`SELECT id, code FROM task WHERE plan_id IS NULL ORDER BY id LIMIT 1`,
    );
    task = first!;
    fs.mkdirSync(OUT, { recursive: true });
  });
  afterAll(() => web?.close());
  afterEach(() => {
    const problems = watched.flatMap((w) => w.problems);
    watched = [];
    expect(problems, 'console errors or failed requests').toEqual([]);
  });

  it('counts by status and type, and filters by type and agency', async () => {
    const page = await open();
    await signIn(page, COORDINATOR);
    await page.goto('/');
    await page.getByRole('link', { name: 'Điểm nghẽn' }).click();
    await page.getByRole('heading', { name: 'Bảng điểm nghẽn' }).waitFor();
    await expect.poll(() => page.locator('.results__count').textContent()).toBe('4 điểm nghẽn');
    const openChip = page.getByRole('button', { name: /Đang mở/ });
    expect(await openChip.textContent()).toContain('4');
    await page.getByRole('button', { name: /Tài chính/ }).click();
    await expect.poll(() => page.locator('.results__count').textContent()).toBe('1 điểm nghẽn');
    expect(page.url()).toContain('type=finance');
    await page.getByRole('link', { name: 'Bỏ lọc' }).click();
    await page.getByLabel('Cơ quan', { exact: true }).selectOption({ label: 'Thành phố Hà Nội' });
    await expect.poll(() => page.locator('.results__count').textContent()).toBe('2 điểm nghẽn');
    const cards = page.locator('.bottleneck-card');
    expect(await cards.count()).toBe(2);
    // Each card links to its task.
    await cards
      .first()
      .getByRole('link', { name: `Nhiệm vụ ${task.code}` })
      .click();
    await page.waitForURL(`**/tasks/${task.id}`);
  });

  it('lets the coordinator raise one and escalate it with a note', async () => {
    const page = await open();
    await signIn(page, COORDINATOR);
    await page.goto('/bottlenecks');
    await page.getByText('Ghi nhận điểm nghẽn mới').click();
    const form = page.locator('.raise-form');
    await form.getByLabel('Loại').selectOption('coordination');
    await form.getByLabel('Mô tả điểm nghẽn').fill('Các bộ chưa thống nhất danh mục dữ liệu dùng chung');
    await form.getByRole('button', { name: 'Ghi nhận' }).click();
    await form.getByText('Đã ghi nhận điểm nghẽn.').waitFor();
    const card = page.locator('.bottleneck-card').filter({ hasText: 'danh mục dữ liệu dùng chung' });
    await card.waitFor();
    await card.getByRole('button', { name: 'Báo cáo Ban Chỉ đạo' }).click();
    await card.getByLabel('Ghi chú khi báo cáo (không bắt buộc)').fill('Đề nghị đưa vào phiên họp tuần tới');
    await card.locator('form').getByRole('button', { name: 'Báo cáo Ban Chỉ đạo' }).click();
    await expect.poll(() => card.getAttribute('data-status')).toBe('escalated');
  });

  it('lets the steering committee answer, but not escalate or clear', async () => {
    const page = await open(PHONE);
    await signIn(page, STEERING);
    await page.goto('/bottlenecks?status=escalated');
    const card = page.locator('.bottleneck-card').filter({ hasText: 'danh mục dữ liệu dùng chung' });
    await card.waitFor();
    expect(await card.getByRole('button', { name: 'Đánh dấu đã tháo gỡ' }).count()).toBe(0);
    expect(await page.getByText('Ghi nhận điểm nghẽn mới').count()).toBe(0);
    await card.getByRole('button', { name: 'Trả lời' }).click();
    await card.getByLabel('Nội dung trả lời').fill('Giao Bộ KH&CN chủ trì, hoàn thành trong quý I');
    await card.getByRole('button', { name: 'Lưu trả lời' }).click();
    await page.getByText('Không có điểm nghẽn nào khớp bộ lọc.').waitFor();
  });

  it('lets the coordinator clear it; the history tells who did what, and an officer only reads', async () => {
    const page = await open();
    await signIn(page, COORDINATOR);
    await page.goto('/bottlenecks?status=answered');
    const card = page.locator('.bottleneck-card').filter({ hasText: 'danh mục dữ liệu dùng chung' });
    await card.waitFor();
    expect(await card.textContent()).toContain('Giao Bộ KH&CN chủ trì, hoàn thành trong quý I');
    await card.getByRole('button', { name: 'Đánh dấu đã tháo gỡ' }).click();
    await card.getByLabel('Đã tháo gỡ thế nào (không bắt buộc)').fill('Danh mục đã ban hành');
    await card.getByRole('button', { name: 'Xác nhận đã tháo gỡ' }).click();
    await page.goto('/bottlenecks?status=cleared');
    const cleared = page.locator('.bottleneck-card').filter({ hasText: 'danh mục dữ liệu dùng chung' });
    await cleared.getByText('Diễn biến').click();
    const history = cleared.locator('.bottleneck-history li');
    await expect.poll(() => history.count()).toBe(4);
    expect(await history.evaluateAll((items) => items.map((i) => i.getAttribute('data-action')))).toEqual([
      'raise',
      'escalate',
      'answer',
      'clear',
    ]);
    const text = await cleared.locator('.bottleneck-history').textContent();
    expect(text).toContain('Điều phối Chương trình (demo)');
    expect(text).toContain('Thành viên Ban Chỉ đạo (demo)');
    expect(text).toContain('Đề nghị đưa vào phiên họp tuần tới');
    expect(text).toContain('Danh mục đã ban hành');

    const officer = await open(PHONE);
    await signIn(officer, OFFICER);
    await officer.goto('/bottlenecks');
    await officer.locator('.bottleneck-card').first().waitFor();
    expect(await officer.locator('.bottleneck-card__actions').count()).toBe(0);
  });

  for (const language of ['vi', 'en'] as const) {
    for (const view of [
      { name: 'desktop', options: DESKTOP },
      { name: 'phone', options: PHONE },
    ]) {
      it(`renders the board on a ${view.name} in ${language}`, async () => {
        const page = await open({ ...view.options, locale: LOCALES[language] });
        await page.addInitScript((lang) => window.localStorage.setItem('nq57.language', lang), language);
        await signIn(page, COORDINATOR);
        await page.goto('/bottlenecks');
        await page.locator('.bottleneck-card').first().waitFor();
        await page.waitForLoadState('networkidle');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `the board is wider than the ${view.name} screen`).toBeLessThanOrEqual(0);
        await page.screenshot({ path: path.join(OUT, `bottlenecks-${language}-${view.name}.png`) });
      });
    }
  }
});
