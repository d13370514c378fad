/**
 * report.html in a real headless Chromium (Debian's, driven by playwright-core): it loads from
 * file:// with no console error and no request leaving the page, its filters and search change
 * what is shown, and a failure's details open on the replay command. One browser for the file.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { RunReport } from '../core/types';
import { paycertCommand } from './failure-format';
import { launchChromium, noChromiumReason } from './html-browser';
import { htmlReport } from './html-reporter';
import { HOSTILE, filterReport, hostileReport } from './html-sample';
import { FAILED, tempDir } from './sample-report';

// These tests need a Chromium executable; where none exists (a machine without Debian's
// chromium package) they are skipped, and the describe's title says why.
const skipReason = noChromiumReason();
const describeInBrowser = skipReason === undefined ? describe : describe.skip;

describeInBrowser(`report.html in headless Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let browser: Browser;
  // One context for every page: a context per page (browser.newPage) started a renderer process
  // for each test, about a CPU-second apiece.
  let context: BrowserContext;
  let tmp: ReturnType<typeof tempDir>;
  let pages = 0;

  beforeAll(async () => {
    tmp = tempDir();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  });

  // Each test's page closes after it: the pages share the context.
  afterEach(async () => {
    for (const page of context?.pages() ?? []) await page.close();
  });

  afterAll(async () => {
    await browser?.close();
    tmp?.remove();
  });

  /** What a page did while it was open: console errors, uncaught errors, and every request. */
  interface Watched {
    page: Page;
    url: string;
    errors: string[];
    requests: string[];
  }

  /** Writes the report as report.html and opens it from file:// (with `fragment`), watching it. */
  async function open(report: RunReport, fragment = ''): Promise<Watched> {
    const path = join(tmp.dir, `report-${++pages}.html`);
    writeFileSync(path, htmlReport(report), 'utf8');
    const url = pathToFileURL(path).href;
    const page = await context.newPage();
    // A broken page fails fast rather than at playwright's 30 s default per action.
    page.setDefaultTimeout(10_000);
    const watched: Watched = { page, url, errors: [], requests: [] };
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') watched.errors.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => watched.errors.push(`pageerror: ${error.message}`));
    page.on('request', (request) => watched.requests.push(request.url()));
    await page.goto(url + fragment, { waitUntil: 'load' });
    return watched;
  }

  const shownIds = (page: Page) => page.locator('details.check:visible').evaluateAll((nodes) => nodes.map((n) => n.id));
  const shownStatuses = (page: Page) => page.locator('details.check:visible').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-status')));

  it('loads from file:// with no console error and no request but the page itself, hostile values inert', async () => {
    // Act
    const { page, url, errors, requests } = await open(hostileReport());
    await page.locator('#f-open').click();
    // Assert
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.title()).toMatch(/^paycert: PARTIAL - /);
    await expect(page.evaluate('typeof window.owned')).resolves.toBe('undefined');
    await expect(page.locator('#check-hostile\\.check .title').textContent()).resolves.toBe(`Title ${HOSTILE.replace('\u001b', '\\u001b')}`);
    await page.close();
  });

  it('shows only failures when the status filter is failed, and everything again on reset', async () => {
    // Arrange
    const report = filterReport();
    const { page, errors } = await open(report);
    expect(await shownIds(page)).toHaveLength(report.checks.length);
    // Act
    await page.locator('#f-status').selectOption('failed');
    // Assert
    const failed = report.checks.filter((r) => r.status === 'failed').map((r) => `check-${r.check.id}`);
    expect((await shownIds(page)).sort()).toEqual(failed.sort());
    await expect(page.locator('#shown').textContent()).resolves.toBe(`${failed.length} of ${report.checks.length} checks shown`);
    expect(page.url()).toMatch(/#status=failed$/);
    // Act
    await page.locator('#f-reset').click();
    // Assert
    expect(await shownIds(page)).toHaveLength(report.checks.length);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('filters by level, section and tag together, and a count card filters by its status', async () => {
    const report = filterReport();
    const { page } = await open(report);
    await page.locator('#f-level').selectOption('SHOULD');
    await page.locator('#f-section').selectOption('1.2');
    await page.locator('#f-tag').selectOption('even');
    const expected = report.checks
      .filter((r) => r.check.level === 'SHOULD' && r.check.ref.clause.startsWith('1.2/') && r.check.tags.includes('even'))
      .map((r) => `check-${r.check.id}`);
    expect(expected.length).toBeGreaterThan(0);
    expect(await shownIds(page)).toEqual(expected);
    await page.locator('#f-reset').click();
    await page.locator('button.count.c-warning').click();
    expect(await shownStatuses(page)).toEqual(['warning']);
    await page.close();
  });

  it('opens with the filters a link gives in its fragment', async () => {
    const { page } = await open(filterReport(), '#status=skipped&q=pending');
    expect(await shownIds(page)).toEqual(['check-cancel.pending']);
    await expect(page.locator('#f-status').inputValue()).resolves.toBe('skipped');
    await page.close();
  });

  it('narrows the list as the search is typed, and says when nothing matches', async () => {
    const { page } = await open(filterReport());
    await page.locator('#f-search').fill('check-3');
    const ids = await shownIds(page);
    expect(ids).toHaveLength(11);
    expect(ids.every((id) => id.startsWith('check-extra.check-3'))).toBe(true);
    await page.locator('#f-search').fill('Number 32');
    expect(await shownIds(page)).toEqual(['check-extra.check-32']);
    await page.locator('#f-search').fill('REPLAYED refused');
    expect(await shownIds(page)).toEqual(['check-nonce.replay']);
    await expect(page.locator('#empty').isVisible()).resolves.toBe(false);
    await page.locator('#f-search').fill('no such check anywhere');
    expect(await shownIds(page)).toEqual([]);
    await expect(page.locator('#empty').isVisible()).resolves.toBe(true);
    await page.close();
  });

  it("opens a failure's details on the exchange, expected against actual, and the replay command", async () => {
    // Arrange
    const { page, errors } = await open(filterReport());
    const entry = page.locator('#check-nonce\\.replay');
    const replay = entry.locator('.replay pre.cmd').first();
    await expect(replay.isVisible()).resolves.toBe(false);
    // Act
    await entry.locator('summary').first().click();
    // Assert
    await expect(replay.isVisible()).resolves.toBe(true);
    await expect(replay.textContent()).resolves.toBe(paycertCommand(FAILED.failure!));
    await expect(entry.locator('.versus').isVisible()).resolves.toBe(true);
    await expect(entry.locator('pre.plaintext').first().textContent()).resolves.toContain('"number": "411111******1111"');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('follows a coverage link to its check, clearing a filter that hid it', async () => {
    const { page } = await open(filterReport());
    await page.locator('#f-status').selectOption('passed');
    await page.locator('details.coverage > summary').click();
    await page.locator('#coverage a.check-link[href="#check-nonce.replay"]').click();
    // hashchange is dispatched after the click returns: wait for the page to handle it.
    await page.waitForFunction("document.getElementById('check-nonce.replay').open === true", undefined, { timeout: 10_000 });
    await expect(page.locator('#check-nonce\\.replay').isVisible()).resolves.toBe(true);
    await expect(page.locator('#f-status').inputValue()).resolves.toBe('');
    await page.close();
  });
});
