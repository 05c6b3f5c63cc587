import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
// @ts-expect-error plain ESM script without types
import { buildWebIfStale } from '../../scripts/web-build.mjs';
import type { Database } from '../../src/db/database.ts';
import { applyDemoMode, DEMO_PASSWORD } from '../../src/modules/identity/demo.service.ts';
import { defaultIdentityOptions } from '../../src/modules/identity/identity-options.ts';
import { buildApp } from '../../src/server/app.ts';
import { createTestDatabase } from '../helpers/db.ts';

/** The Chromium the machine has (Debian's package); playwright never downloads a browser here. */
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const DESKTOP = { viewport: { width: 1280, height: 900 } } satisfies BrowserContextOptions;
export const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
} satisfies BrowserContextOptions;

export interface WatchedPage {
  page: Page;
  /** Console errors, page errors, failed requests and HTTP errors seen so far. */
  problems: string[];
}

export interface WebHarness {
  baseUrl: string;
  /** The server's database, for tests that prepare data through the service functions. */
  database: Database;
  /** A page in a fresh context (its own storage), watched for anything that went wrong. */
  open(options?: BrowserContextOptions): Promise<WatchedPage>;
  close(): Promise<void>;
}

/**
 * The real server (built web app, PGlite database with the Program loaded) on a free loopback port,
 * and a headless Chromium. Unexpected noise is collected per page so a test can fail on it. `seed`
 * writes to the database before the server starts (e.g. publishes an evaluation).
 */
export interface WebHarnessOptions {
  /** Demo mode: the banner, and the demo accounts of docs/roles.md created at start. */
  demo?: boolean;
  /** Writes to the database before the server starts (e.g. publishes an evaluation). */
  seed?: (database: Database) => Promise<void>;
}

export async function startWebHarness(options: WebHarnessOptions = {}): Promise<WebHarness> {
  buildWebIfStale();
  let database: Database | undefined;
  let app: FastifyInstance | undefined;
  let browser: Browser | undefined;
  try {
    database = await createTestDatabase('pglite');
    await options.seed?.(database);
    // Generous request limits: the browser tests sign in many times from one address.
    const identity = defaultIdentityOptions({
      demo: options.demo ?? false,
      rateLimits: { signIn: 1000, writes: 10000 },
    });
    app = await buildApp({ database, logLevel: 'silent', serveWeb: true, identity });
    await app.ready();
    if (identity.demo) await applyDemoMode(app.identity);
    await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  } catch (error) {
    await browser?.close();
    await app?.close();
    await database?.close();
    throw error;
  }
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const openBrowser = browser;
  const openDatabase = database;
  const contexts: { close(): Promise<void> }[] = [];

  return {
    baseUrl,
    database: openDatabase,
    async open(options = DESKTOP) {
      const context = await openBrowser.newContext({ ...options, baseURL: baseUrl });
      contexts.push(context);
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        problems.push(`console error: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('requestfailed', (request) => {
        const reason = request.failure()?.errorText ?? '';
        // A query the app cancelled on purpose (the user typed on) is not a failure.
        if (reason === 'net::ERR_ABORTED') return;
        problems.push(`request failed: ${request.method()} ${request.url()} (${reason})`);
      });
      page.on('response', (response) => {
        if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
      });
      return { page, problems };
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => {});
      await openBrowser.close();
      await app?.close();
      await database?.close();
    },
  };
}

/**
 * Signs in through the API from the page's own context, so the session cookie lands in the browser.
 * Tests use this fixture; only the test of the sign-in form itself goes through the form.
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  const response = await page.request.post('/api/auth/sign-in', { data: { email, password } });
  expect(response.status(), `sign-in of ${email}`).toBe(200);
}

/**
 * What sticks out past the right edge of the screen, named ("div.card 412"), so a failure says where to
 * look. Tables in `.table-scroll` and the navigation bars' rows scroll sideways on purpose.
 */
export function widerThanScreen(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
      .filter((el) => !el.closest('.table-scroll, nav ul'))
      .slice(0, 12)
      .map(
        (el) => `${el.tagName.toLowerCase()}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`,
      ),
  );
}
