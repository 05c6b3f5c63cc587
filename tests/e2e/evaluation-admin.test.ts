/// <reference lib="dom" />
// page.evaluate() callbacks run in the browser.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Database, rows } from '../../src/db/database.ts';
import { cliActor } from '../../src/modules/audit/actor.ts';
import type { IdentityContext } from '../../src/modules/identity/auth.service.ts';
import { defaultIdentityOptions } from '../../src/modules/identity/identity-options.ts';
import { createUser, revokeRole } from '../../src/modules/identity/users.service.ts';
import {
  DESKTOP,
  PHONE,
  signIn,
  startWebHarness,
  type WatchedPage,
  type WebHarness,
  widerThanScreen,
} from './web-harness.ts';

/**
 * The evaluation desk and the agency's side, in Chromium, on the demo accounts (docs/roles.md) and the
 * bundled Program: the coordinator previews a period as of a date, creates a method version (a bad
 * weight set refused with the reason), publishes (an empty period refused); the focal officer of the
 * Ministry of Science and Technology asks for a recheck from its row; the coordinator answers; the public
 * pages show both, and the heads' scorecards.
 *
 * Heads of agencies are people holding the agency_head role, on the days they held it. The seed grants
 * them with the clock set back (only Date is faked), as if the grants had been made then: a minister for
 * the whole of 2025, and two chairs of Hà Nội with a handover on 1/4/2025.
 */
const OUT = process.env.UPDATE_SCREENSHOTS
  ? path.resolve('docs/screenshots')
  : path.resolve('.tmp/screenshots');

async function seedHeads(database: Database) {
  const ctx: IdentityContext = {
    db: database.db,
    options: defaultIdentityOptions(),
    sendMail: async () => {},
  };
  const unit = async (code: string) =>
    (await rows<{ id: number }>(database.db, sql`SELECT id FROM org_unit WHERE code = ${code}`))[0]!.id;
  const head = (name: string, title: string, email: string, orgUnitId: number) =>
    createUser(
      ctx,
      null,
      {
        name,
        title,
        email,
        orgUnitId,
        roles: [{ role: 'agency_head', orgUnitId, includeSubUnits: false }],
      },
      cliActor(),
    );
  const most = await unit('BKHCN');
  const hanoi = await unit('01');
  vi.useFakeTimers({ toFake: ['Date'] });
  try {
    vi.setSystemTime(new Date('2024-12-02T02:00:00Z'));
    await head('Nguyễn Minh Khoa', 'Bộ trưởng', 'bo.truong@most.e2e.test', most);
    const first = await head('Trần Thu Hà', 'Chủ tịch UBND Thành phố', 'chu.tich.1@hanoi.e2e.test', hanoi);
    vi.setSystemTime(new Date('2025-04-01T02:00:00Z'));
    await revokeRole(ctx, null, first.id, first.roles[0]!.id, cliActor());
    await head('Lê Quang Vinh', 'Chủ tịch UBND Thành phố', 'chu.tich.2@hanoi.e2e.test', hanoi);
  } finally {
    vi.useRealTimers();
  }
}

describe('the evaluation desk and rechecks in Chromium', () => {
  let web: WebHarness;
  let watched: WatchedPage[] = [];
  let published = 0;
  const open = async (options?: BrowserContextOptions, language: 'vi' | 'en' = 'vi') => {
    const opened = await web.open({ ...(options ?? DESKTOP), locale: language === 'vi' ? 'vi-VN' : 'en-GB' });
    await opened.page.addInitScript((lang) => window.localStorage.setItem('nq57.language', lang), language);
    watched.push(opened);
    return opened;
  };
  const as = async (email: string | null, options?: BrowserContextOptions, language: 'vi' | 'en' = 'vi') => {
    const { page } = await open(options, language);
    if (email) await signIn(page, email);
    return page;
  };
  const liveReady = (page: Page) => page.getByRole('table', { name: /Xếp hạng các bộ/ }).waitFor();

  beforeAll(async () => {
    web = await startWebHarness({ demo: true, seed: seedHeads });
    fs.mkdirSync(OUT, { recursive: true });
  });
  afterAll(() => web?.close());
  afterEach(() => {
    const problems = watched.flatMap((w) => w.problems);
    watched = [];
    expect(problems, 'console errors or failed requests').toEqual([]);
  });

  it('lets the coordinator preview a period as of a date, with the breakdown of a score', async () => {
    const page = await as('coordinator@nq57.example');
    await page.goto('/');
    await page
      .getByRole('navigation', { name: 'Công việc' })
      .getByRole('link', { name: 'Điều hành đánh giá' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Đánh giá tại một ngày bất kỳ' }).waitFor();
    await page.getByLabel('Kỳ đánh giá', { exact: true }).selectOption('2025-H1');
    const asOf = page.getByLabel('Số liệu tính đến ngày');
    await asOf.fill('31/05/2025');
    await asOf.press('Enter');
    await page.waitForURL(/period=2025-H1&asOf=2025-05-31/);
    await liveReady(page);
    const facts = page.locator('dl.facts').first();
    await expect.poll(() => facts.textContent()).toContain('31/05/2025');
    expect(await facts.textContent()).toContain('chưa có kỳ nào được công bố');
    expect(
      await page.getByRole('link', { name: 'Điểm được tính thế nào?' }).first().getAttribute('href'),
    ).toMatch(/^\/evaluations\/methods\/\d+$/);
    // The minister held the role all half: their card has the ministry's rank; Hà Nội changed hands.
    const cards = page.getByRole('region', { name: /Phiếu đánh giá người đứng đầu/ });
    expect(await cards.textContent()).toContain('Nguyễn Minh Khoa');
    expect(await cards.textContent()).toContain('giữ vai trò từ 01/04/2025 đến 31/05/2025');

    // A ministry's score, opened into its parts down to the tasks, on the same page.
    const ministries = page.getByRole('table', { name: /Xếp hạng các bộ/ });
    const first = ministries.locator('tbody th[scope="row"] a').first();
    const name = (await first.textContent()) ?? '';
    await first.click();
    await page.waitForURL(/agency=\d+/);
    const breakdown = page.getByRole('region', { name: new RegExp(`Điểm được tạo nên thế nào: ${name}`) });
    await breakdown.waitFor();
    expect(
      await breakdown
        .getByRole('table', { name: 'Điểm gồm những thành phần nào' })
        .locator('tbody tr')
        .count(),
    ).toBe(6);
    expect(await breakdown.locator('a[href^="/tasks/"]').count()).toBeGreaterThan(0);

    // Figures per task group, then per province, lead and partner apart.
    const figures = page.getByRole('region', { name: /Số liệu theo nhóm nhiệm vụ/ });
    await figures.getByRole('table', { name: 'Số liệu theo Nhóm nhiệm vụ, vai trò Chủ trì' }).waitFor();
    await figures.getByLabel('Xem theo').selectOption('province');
    await figures.getByLabel('Vai trò').selectOption('partner');
    const provinces = figures.getByRole('table', { name: 'Số liệu theo Tỉnh, thành phố, vai trò Phối hợp' });
    expect(await provinces.locator('tbody tr').count()).toBe(34);
    expect(await provinces.locator('tfoot').textContent()).toContain('Cộng các tỉnh, thành phố');
  });

  it('creates a scoring method version; a weight set that does not sum to 100 is refused with the reason', async () => {
    const page = await as('coordinator@nq57.example');
    await page.goto('/staff/evaluations/methods');
    await page.getByRole('heading', { level: 1, name: 'Phương pháp chấm điểm' }).waitFor();
    const versions = page.getByRole('region', { name: /Các phiên bản/ }).locator('li.eval-method-card');
    await expect.poll(() => versions.count()).toBe(1);
    const form = page.getByRole('region', { name: 'Tạo phiên bản mới' });
    await form.getByLabel('Tên (tiếng Việt)').fill('Phương pháp 2025, nhấn mạnh báo cáo');
    await form.getByLabel('Tên (tiếng Anh, không bắt buộc)').fill('2025 method, weighting reporting');
    await form.getByLabel('Hoàn thành đúng hạn', { exact: true }).fill('35');
    await expect.poll(() => form.getByText('Tổng trọng số: 95 / 100').isVisible()).toBe(true);
    await form.getByRole('button', { name: 'Tạo phiên bản 2' }).click();
    await expect
      .poll(() => form.getByRole('alert').textContent())
      .toContain('Tổng trọng số phải bằng đúng 100 (hiện là 95).');
    expect(await versions.count()).toBe(1);

    await form.getByLabel('Báo cáo đúng hạn', { exact: true }).fill('30');
    await expect.poll(() => form.getByText('Hợp lệ: sẽ tạo phiên bản 2.').isVisible()).toBe(true);
    await form
      .getByLabel('Ghi chú: vì sao có phiên bản này (không bắt buộc)')
      .fill('Tăng trọng số báo cáo đúng hạn.');
    await form.getByRole('button', { name: 'Tạo phiên bản 2' }).click();
    await expect
      .poll(() => form.getByRole('status').allTextContents())
      .toContain('Đã tạo phương pháp default, phiên bản 2. Điểm được tính thế nào?');
    await expect.poll(() => versions.count()).toBe(2);
    expect(await versions.first().textContent()).toContain('phiên bản 2');
  });

  it('refuses to publish an empty period, then publishes and shows what changed', async () => {
    const page = await as('coordinator@nq57.example');
    await page.goto('/staff/evaluations?period=2024-H1');
    await page.getByText('không có gì để công bố.').first().waitFor();
    const panel = page.getByRole('region', { name: 'Công bố kỳ đánh giá' });
    await panel.getByRole('button', { name: 'Công bố 6 tháng đầu năm 2024…' }).click();
    await panel.getByRole('button', { name: 'Xác nhận công bố' }).click();
    await expect
      .poll(() => panel.getByRole('alert').textContent())
      .toBe(
        'Không công bố được: kỳ này không có nhiệm vụ đến hạn hay hoàn thành và không có báo cáo phải nộp đến ngày 30/06/2024, nên không có gì để công bố.',
      );
    // The server's refusal is the 400 this step asks for.
    for (const w of watched) {
      w.problems.splice(0, w.problems.length, ...w.problems.filter((p) => !p.includes('400')));
    }

    // The first quarter, then the half: the second publication says what moved since the first.
    for (const [period, name] of [
      ['2025-Q1', 'Quý 1 năm 2025 ('],
      ['2025-H1', '6 tháng đầu năm 2025 ('],
    ] as const) {
      await page.getByLabel('Kỳ đánh giá', { exact: true }).selectOption(period);
      await expect.poll(() => page.locator('dl.facts').first().textContent()).toContain(name);
      await liveReady(page);
      await panel.getByRole('button', { name: /^Công bố .*…$/ }).click();
      expect(await panel.textContent()).toContain('Bản công bố không thể sửa hay xoá.');
      await panel.getByRole('button', { name: 'Xác nhận công bố' }).click();
      await panel.getByRole('link', { name: 'Xem trang công khai' }).waitFor();
    }
    const done = await panel.locator('.eval-published').textContent();
    expect(done).toContain('Đã công bố 6 tháng đầu năm 2025, số liệu đến ngày 30/06/2025.');
    expect(done).toMatch(/Quý 1 năm 2025: \d+ cơ quan tăng hạng, \d+ giảm hạng/);
    const href = (await panel.getByRole('link', { name: 'Xem trang công khai' }).getAttribute('href')) ?? '';
    published = Number(href.split('/').pop());
    expect(published).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Xem trang công khai' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đánh giá: 6 tháng đầu năm 2025' }).waitFor();
  });

  it("lets the ministry's focal officer ask for a recheck from its row", async () => {
    const page = await as('focal.bkhcn@nq57.example');
    await page.goto(`/evaluations/${published}`);
    const ministries = page.getByRole('table', { name: /Xếp hạng các bộ/ });
    await ministries.waitFor();
    // Only its own agency's row offers the recheck.
    expect(await ministries.getByRole('link', { name: 'Đề nghị rà soát' }).count()).toBe(1);
    const row = ministries
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: 'Đề nghị rà soát' }) });
    expect(await row.textContent()).toContain('Bộ Khoa học và Công nghệ');
    await row.getByRole('link', { name: 'Đề nghị rà soát' }).click();
    await page.waitForURL(/\/agencies\/\d+#recheck$/);
    const form = page.getByRole('region', { name: 'Đề nghị rà soát lại số liệu của cơ quan' });
    await form
      .getByLabel('Lý do đề nghị rà soát')
      .fill('Nhiệm vụ 1.a đã hoàn thành ngày 20/6 nhưng báo cáo chưa được ghi nhận.');
    await form.getByRole('button', { name: 'Gửi đề nghị' }).click();
    await form.getByText('Đã gửi đề nghị.', { exact: false }).waitFor();
    const rechecks = page.getByRole('region', { name: 'Đề nghị rà soát lại', exact: true });
    await expect.poll(() => rechecks.textContent()).toContain('Nhiệm vụ 1.a đã hoàn thành ngày 20/6');
    expect(await rechecks.textContent()).toContain('Đang chờ cơ quan điều phối trả lời.');
  });

  it('lets the coordinator answer the recheck, once', async () => {
    const page = await as('coordinator@nq57.example');
    await page.goto('/staff/evaluations/rechecks');
    await page.getByRole('heading', { level: 1, name: 'Đề nghị rà soát lại số liệu' }).waitFor();
    await expect.poll(() => page.locator('.results__count').textContent()).toBe('1 đề nghị đang chờ trả lời');
    const card = page.locator('li.eval-recheck-card');
    expect(await card.textContent()).toContain('Bộ Khoa học và Công nghệ');
    expect(await card.textContent()).toContain('focal.bkhcn@nq57.example');
    await card.getByLabel('Sẽ điều chỉnh ở kỳ sau').check();
    await card
      .getByLabel('Trả lời', { exact: true })
      .fill('Báo cáo được tiếp nhận sau ngày chốt số liệu; sẽ phản ánh ở kỳ sau.');
    await card.getByRole('button', { name: 'Gửi trả lời' }).click();
    await page.getByText('Đã trả lời đề nghị của Bộ Khoa học và Công nghệ.').waitFor();
    await expect.poll(() => page.locator('.results__count').textContent()).toBe('0 đề nghị đang chờ trả lời');
    await page.getByLabel('Hiển thị').selectOption('answered');
    await page.waitForURL(/state=answered/);
    await expect
      .poll(() => page.locator('li.eval-recheck-card').textContent())
      .toContain('Sẽ điều chỉnh ở kỳ sau');
    // Answered once: no form any more.
    expect(await page.getByRole('button', { name: 'Gửi trả lời' }).count()).toBe(0);
  });

  it('shows the request and the answer publicly, and the heads of agencies with their scorecards', async () => {
    const page = await as(null);
    await page.goto(`/evaluations/${published}`);
    const rechecks = page.getByRole('region', { name: 'Đề nghị rà soát lại', exact: true });
    await expect.poll(() => rechecks.textContent()).toContain('Nhiệm vụ 1.a đã hoàn thành ngày 20/6');
    expect(await rechecks.textContent()).toContain('Sẽ điều chỉnh ở kỳ sau');
    expect(await rechecks.textContent()).toContain('sẽ phản ánh ở kỳ sau.');
    // Names of who asked and who answered are not published.
    expect(await rechecks.textContent()).not.toContain('@nq57.example');

    const cards = page.getByRole('region', { name: /Phiếu đánh giá người đứng đầu/ });
    expect(await cards.textContent()).toContain('Chủ tịch UBND Thành phố');
    await cards.getByRole('link', { name: 'Trần Thu Hà' }).click();
    await page.waitForURL(new RegExp(`/evaluations/${published}/heads/\\d+$`));
    await page
      .getByRole('heading', { level: 1, name: 'Phiếu đánh giá người đứng đầu: Trần Thu Hà' })
      .waitFor();
    const main = page.locator('main');
    expect(await main.textContent()).toContain('giữ vai trò từ 01/01/2025 đến 01/04/2025');
    expect(await main.textContent()).toContain('Không xếp hạng: chỉ giữ vai trò một phần kỳ');
    // Her part of the half opens into its components too, down to the tasks.
    await page.getByRole('table', { name: 'Điểm gồm những thành phần nào' }).waitFor();
    expect(await page.getByRole('link', { name: 'Điểm được tính thế nào?' }).getAttribute('href')).toBe(
      `/evaluations/${published}#method`,
    );

    await page.goto(`/evaluations/${published}`);
    await cards.getByRole('link', { name: 'Nguyễn Minh Khoa' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Phiếu đánh giá người đứng đầu: Nguyễn Minh Khoa' })
      .waitFor();
    expect(await main.textContent()).toContain('Bộ trưởng');
    expect(await main.textContent()).toContain('(giữ vai trò cả kỳ)');
    expect(await main.textContent()).toMatch(/điểm, hạng \d+\/\d+/);
  });

  const SHOTS = [
    {
      name: 'desk-live',
      path: () => '/staff/evaluations?period=2025-H1&asOf=2025-05-31',
      ready: '.eval-rank-table:visible, .eval-cards:visible',
    },
    { name: 'desk-methods', path: () => '/staff/evaluations/methods', ready: '.eval-new-method' },
    {
      name: 'desk-rechecks',
      path: () => '/staff/evaluations/rechecks?state=all',
      ready: '.eval-recheck-card',
    },
    { name: 'evaluation-head', path: () => `/evaluations/${published}/heads/1`, ready: '.eval-head-agency' },
    { name: 'evaluation-method', path: () => '/evaluations/methods/1', ready: '.eval-method' },
    {
      name: 'evaluation-admin-snapshot',
      path: () => `/evaluations/${published}`,
      ready: '.eval-figures-section',
    },
  ];
  for (const language of ['vi', 'en'] as const) {
    for (const view of [
      { name: 'desktop', options: DESKTOP },
      { name: 'phone', options: PHONE },
    ]) {
      it(`renders the desk and the new public pages on a ${view.name} in ${language}, nothing wider than the screen`, async () => {
        const page = await as('coordinator@nq57.example', view.options, language);
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
