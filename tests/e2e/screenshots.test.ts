/// <reference lib="dom" />
// page.evaluate() callbacks run in the browser.
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, startWebHarness, type WebHarness } from './web-harness.ts';

/**
 * Every public page on a desktop and a phone, in Vietnamese and English: each must render with no
 * console error, no failed request and nothing wider than the screen. The pictures go to .tmp/screenshots;
 * with UPDATE_SCREENSHOTS=1 they replace the ones in docs/screenshots (commit them after looking).
 */
const OUT = process.env.UPDATE_SCREENSHOTS
  ? path.resolve('docs/screenshots')
  : path.resolve('.tmp/screenshots');

const PAGES = [
  { name: 'overview', path: '/', ready: '.group-list' },
  { name: 'tasks', path: '/tasks?q=chuyen+doi+so', ready: '.results__count:not(:empty)' },
  { name: 'task', path: '/tasks/4', ready: '.five-r' },
  { name: 'targets', path: '/targets?year=2030', ready: '.indicator-group' },
  { name: 'agencies', path: '/agencies', ready: '.agency-table' },
  { name: 'agency', path: '/agencies/BKHCN', ready: '.former-names' },
  { name: 'program', path: '/program', ready: '.program-items' },
  { name: 'data', path: '/data', ready: '.data-table' },
] as const;

// The browser's locale is the reader's: it decides how a native date field shows its date (dd/mm/yyyy).
const LOCALES = { vi: 'vi-VN', en: 'en-GB' } as const;
const VIEWS: { name: string; options: BrowserContextOptions }[] = [
  { name: 'desktop', options: DESKTOP },
  { name: 'phone', options: PHONE },
];
// FULL_PAGE=1 captures whole pages, to review everything below the fold.
const FULL_PAGE = process.env.FULL_PAGE === '1';

describe('screenshots of the public pages', () => {
  let web: WebHarness;
  beforeAll(async () => {
    web = await startWebHarness();
    fs.mkdirSync(OUT, { recursive: true });
  });
  afterAll(() => web?.close());

  for (const language of ['vi', 'en'] as const) {
    for (const view of VIEWS) {
      it(`renders every page on a ${view.name} in ${language}`, async () => {
        const { page, problems } = await web.open({ ...view.options, locale: LOCALES[language] });
        await page.addInitScript((lang) => window.localStorage.setItem('nq57.language', lang), language);
        for (const target of PAGES) {
          await page.goto(target.path);
          await page.locator(target.ready).first().waitFor();
          await page.waitForLoadState('networkidle');
          expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - window.innerWidth,
          );
          expect(overflow, `${target.path} is wider than the ${view.name} screen`).toBeLessThanOrEqual(0);
          await page.screenshot({
            path: path.join(OUT, `${target.name}-${language}-${view.name}.png`),
            fullPage: FULL_PAGE,
          });
        }
        expect(problems).toEqual([]);
      });
    }
  }
});
