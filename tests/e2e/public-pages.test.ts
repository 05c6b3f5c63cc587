/// <reference lib="dom" />
// page.evaluate() callbacks run in the browser.

import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, startWebHarness, type WatchedPage, type WebHarness } from './web-harness.ts';

const resultCount = (page: Page) => page.locator('.results__count').textContent();

/**
 * The task list keeps the previous results on screen while new ones load: wait until the count
 * announced differs from the one before the search, and nothing is loading.
 */
async function resultsChanged(page: Page, before: string | null) {
  await expect.poll(() => resultCount(page), { timeout: 15_000 }).not.toBe(before);
  await page.locator('.results[aria-busy="false"]').waitFor();
}

describe('public pages in Chromium', () => {
  let web: WebHarness;
  let watched: WatchedPage[] = [];
  const open = async (...args: Parameters<WebHarness['open']>) => {
    const opened = await web.open(...args);
    watched.push(opened);
    return opened.page;
  };

  beforeAll(async () => {
    web = await startWebHarness();
  });
  afterAll(() => web?.close());
  afterEach(() => {
    const problems = watched.flatMap((w) => w.problems);
    watched = [];
    expect(problems, 'console errors or failed requests').toEqual([]);
  });

  it('finds tasks with a search typed without diacritics', async () => {
    const page = await open();
    await page.goto('/tasks');
    await page.locator('.results[aria-busy="false"] .task-table').waitFor();
    const before = await resultCount(page);
    await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('chuyen doi so');
    await page.waitForURL(/q=chuyen\+doi\+so/);
    await resultsChanged(page, before);
    const count = page.getByRole('status').filter({ hasText: 'Tìm thấy' });
    await expect.poll(() => count.textContent()).toMatch(/Tìm thấy \d+ nhiệm vụ/);
    const total = Number((await count.textContent())?.match(/Tìm thấy (\d+)/)?.[1]);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(140);
    // Results show the accented text the search matched.
    await expect.poll(() => page.locator('.task-table tbody').textContent()).toMatch(/chuyển đổi số/i);

    // The filter lives in the URL: a reload shows the same list.
    await page.reload();
    await expect
      .poll(() => page.getByRole('searchbox', { name: 'Tìm kiếm' }).inputValue())
      .toBe('chuyen doi so');
    await expect.poll(() => count.textContent()).toContain(`Tìm thấy ${total} nhiệm vụ`);
  });

  it('shows a lead agency mapped from its pre-merger name, with the name as written', async () => {
    const page = await open();
    await page.goto('/tasks?q=trach+nhiem+nguoi+dung+dau');
    await expect
      .poll(() => page.locator('.task-table tbody').textContent())
      .toContain('Bộ Khoa học và Công nghệ (ghi trong văn bản: Bộ Thông tin và Truyền thông)');
  });

  it('switches the interface to English and keeps it after a reload', async () => {
    const page = await open();
    await page.goto('/');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('vi');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Điều hướng chính' }).textContent()).toContain(
      'Nhiệm vụ',
    );

    await page.getByRole('button', { name: 'EN – English' }).click();
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await expect.poll(() => nav.textContent()).toContain('Tasks');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await page.reload();
    await expect.poll(() => nav.textContent()).toContain('Program text');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    // Group titles switch to their English; numbers and the task list links stay.
    await expect.poll(() => page.getByRole('heading', { name: 'The 7 task groups' }).count()).toBe(1);
    expect(await page.locator('.group-list').textContent()).toContain(
      'Strengthen international cooperation in STI and digital transformation',
    );
    expect(await page.getByRole('button', { name: 'EN – English' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(await page.getByRole('button', { name: 'VI – Tiếng Việt' }).getAttribute('aria-pressed')).toBe(
      'false',
    );
  });

  it('shows a task with its 5 rõ and its source', async () => {
    const page = await open();
    await page.goto('/tasks/4');
    await page.getByRole('heading', { level: 1, name: 'Nhiệm vụ 4' }).waitFor();
    const fiveR = page.locator('section', { has: page.getByRole('heading', { name: '5 rõ' }) });
    for (const part of ['Rõ người', 'Rõ việc', 'Rõ trách nhiệm', 'Rõ thời gian', 'Rõ kết quả']) {
      expect(await fiveR.getByRole('heading', { level: 3, name: part }).count(), part).toBe(1);
    }
    const text = await fiveR.textContent();
    expect(text).toContain('Bộ Khoa học và Công nghệ');
    expect(text).toContain('ghi trong văn bản: Bộ Thông tin và Truyền thông');
    expect(text).toContain('30/06/2025'); // "6/2025" → last day of June, shown dd/mm/yyyy
    expect(text).toContain('Quyết định của Thủ tướng Chính phủ');
    const source = await page
      .locator('section', { has: page.getByRole('heading', { name: 'Nguồn' }) })
      .textContent();
    expect(source).toContain('71/NQ-CP');
    expect(source).toContain('03/NQ-CP, Phụ lục II, dòng 4');
  });

  it('flags a task whose deadline is missing', async () => {
    const page = await open();
    await page.goto('/tasks?q=');
    const undated = await page.evaluate(async () => {
      const response = await fetch('/api/public/tasks?pageSize=200');
      const body = (await response.json()) as { items: { id: number; deadlineAsWritten: string | null }[] };
      return body.items.find((t) => !t.deadlineAsWritten)?.id;
    });
    expect(undated).toBeDefined();
    await page.goto(`/tasks/${undated}`);
    const when = page.locator('li', { has: page.getByRole('heading', { level: 3, name: /Rõ thời gian/ }) });
    await expect.poll(() => when.textContent()).toContain('Thiếu');
  });

  it('finds Đà Nẵng when searching agencies for "da nang"', async () => {
    const page = await open();
    await page.goto('/agencies');
    await page.getByRole('searchbox', { name: 'Tìm cơ quan' }).fill('da nang');
    await page.waitForURL(/q=da\+nang/);
    const provinces = page.locator('section', {
      has: page.getByRole('heading', { name: /Tỉnh, thành phố/ }),
    });
    await expect.poll(() => provinces.getByRole('link').allTextContents()).toEqual(['Thành phố Đà Nẵng']);
    await provinces.getByRole('link', { name: 'Thành phố Đà Nẵng' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thành phố Đà Nẵng' }).waitFor();
  });

  it('filters targets by year and by a search without diacritics', async () => {
    const page = await open();
    await page.goto('/targets');
    const count = page.locator('.results__count');
    await expect.poll(() => count.textContent()).toMatch(/^67 chỉ tiêu/);
    await page.getByRole('combobox', { name: 'Năm' }).selectOption('2045');
    await page.waitForURL(/year=2045/);
    await expect.poll(() => count.textContent()).toMatch(/^8 chỉ tiêu/);
    await page.getByRole('searchbox', { name: 'Tìm chỉ tiêu' }).fill('kinh te so');
    await page.waitForURL(/q=kinh\+te\+so/);
    await expect.poll(() => page.locator('.target__text').allTextContents()).not.toHaveLength(8);
    const texts = await page.locator('.target__text').allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(text.toLowerCase()).toContain('kinh tế số');
    // Values read with their comparison, e.g. "≥ 50 %".
    expect(await page.locator('.target-value__text').first().textContent()).toMatch(/^(≥|>|hạng ≤|\d)/);
  });

  it('can be used with the keyboard alone: skip link, search box, a result', async () => {
    const page = await open();
    await page.goto('/tasks');
    await page.locator('.task-table tbody tr').first().waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Bỏ qua, đến nội dung chính');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

    // Tab on until the search box has focus, then search.
    const focusedName = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLInputElement | null;
        return el?.labels?.[0]?.textContent ?? el?.getAttribute('aria-label') ?? el?.textContent ?? '';
      });
    for (let i = 0; i < 10 && (await focusedName()) !== 'Tìm kiếm'; i++) await page.keyboard.press('Tab');
    expect(await focusedName()).toBe('Tìm kiếm');
    const before = await resultCount(page);
    await page.keyboard.type('ngan hang');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=ngan\+hang/);
    await resultsChanged(page, before);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Tìm thấy' }).count()).toBe(1);

    // Tab on to the first result's link and open it with Enter.
    const firstResult = page.locator('.task-table tbody a').first();
    const href = await firstResult.getAttribute('href');
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate((h) => document.activeElement?.getAttribute('href') === h, href);
    }
    expect(reached, 'the first result is reachable with Tab').toBe(true);
    // Focus is visible: the focused link draws an outline.
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement as Element).outlineStyle,
    );
    expect(outline).toBe('solid');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`${href}$`));
    await page.getByRole('heading', { level: 2, name: '5 rõ' }).waitFor();
  });

  it('shows cards instead of a table on a phone', async () => {
    const page = await open(PHONE);
    await page.goto('/tasks');
    await page.locator('.task-card').first().waitFor();
    expect(await page.locator('.task-cards').isVisible()).toBe(true);
    expect(await page.locator('.task-table').isVisible()).toBe(false);
    expect(await page.locator('.task-card').count()).toBe(20);
    // Nothing is wider than the screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('shows the not-found page for a task that does not exist', async () => {
    const page = await open();
    await page.goto('/tasks/99999');
    await page.getByRole('heading', { level: 1, name: 'Không tìm thấy trang' }).waitFor();
    // The API's 404 (and Chromium's console line about it) is the expected answer here, not a failure.
    const last = watched.at(-1)!;
    expect(last.problems.length).toBeGreaterThan(0);
    for (const problem of last.problems) expect(problem).toMatch(/404/);
    expect(last.problems.some((p) => p.includes('/api/public/tasks/99999'))).toBe(true);
    last.problems.length = 0;
  });

  it('sends the app code compressed, and a missing asset as a 404, never as the page', async () => {
    const html = await (await fetch(`${web.baseUrl}/tasks`)).text();
    const script = html.match(/src="(\/assets\/[^"]+\.js)"/)?.[1];
    expect(script).toBeDefined();
    const compressed = await fetch(`${web.baseUrl}${script}`, { headers: { 'accept-encoding': 'br' } });
    expect(compressed.status).toBe(200);
    expect(compressed.headers.get('content-encoding')).toBe('br');
    expect(compressed.headers.get('content-type')).toContain('javascript');
    const missing = await fetch(`${web.baseUrl}/assets/gone-after-a-rebuild.js`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/json');
  });

  it('answers an unknown page with the not-found page', async () => {
    const page = await open();
    await page.goto('/khong-co-trang-nay');
    await page.getByRole('heading', { level: 1, name: 'Không tìm thấy trang' }).waitFor();
  });
});
