// Renders a sample report in headless Chromium: no console errors, no page errors, no
// requests, the three SVG charts drawn, injected text shown and not run. Saves the
// screenshot shown in the README (docs/report-screenshot.png).
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleReportInput } from './__tests__/sample-report.js';
import { buildReport, renderHtml } from './index.js';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const inCi = process.env.CI === 'true';
// Tests must not rewrite tracked files: the docs copy is refreshed only on request
// (SMM_UPDATE_SCREENSHOT=1); otherwise the screenshot goes to the ignored .tmp/ folder.
const SCREENSHOT = new URL(
  process.env.SMM_UPDATE_SCREENSHOT === '1' ? '../../../../docs/report-screenshot.png' : '../../../../.tmp/report-screenshot.png',
  import.meta.url,
);

if (!available && !inCi) {
  console.warn(
    `report-browser.test.ts skipped: ${CHROMIUM} is missing (install it with scripts/setup-system.sh); CI=true makes this a failure.`,
  );
}

describe.skipIf(!available && !inCi)('HTML report in headless Chromium', () => {
  let workDir = '';
  type Context = Awaited<ReturnType<(typeof import('playwright-core'))['chromium']['launchPersistentContext']>>;
  let browser: Context | undefined;

  beforeAll(async () => {
    if (!available)
      throw new Error(`${CHROMIUM} is missing and CI=true: the browser check cannot be skipped in CI (run scripts/setup-system.sh).`);
    const { chromium } = await import('playwright-core');
    workDir = mkdtempSync(join(tmpdir(), 'smm-report-'));
    // A fresh profile directory per run (playwright passes it as --user-data-dir).
    browser = await chromium.launchPersistentContext(join(workDir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1100, height: 900 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('renders without console errors, with its charts, and shows injected text as text', async () => {
    const html = renderHtml(buildReport(sampleReportInput()));
    const file = join(workDir, 'report.html');
    writeFileSync(file, html);
    const page = await browser!.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('request', (request) => {
      if (!request.url().startsWith('file:')) requests.push(request.url());
    });
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });

    const facts = await page.evaluate(() => ({
      scripts: document.scripts.length,
      followers: document.querySelectorAll('#chart-followers path').length,
      rate: document.querySelectorAll('#chart-engagement-rate path').length,
      heatmapCells: document.querySelectorAll('#chart-best-time rect').length,
      topPostRows: document.querySelectorAll('#top-posts tbody tr').length,
      chartWidth: document.querySelector('#chart-followers')?.getBoundingClientRect().width ?? 0,
      text: document.body.innerText,
    }));
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    expect(facts.scripts).toBe(0);
    expect(facts.followers).toBeGreaterThan(0);
    expect(facts.rate).toBeGreaterThan(0);
    expect(facts.heatmapCells).toBe(168);
    expect(facts.topPostRows).toBe(10);
    expect(facts.chartWidth).toBeGreaterThan(300);
    expect(facts.text).toContain('<script>alert("xss")</script>');

    await page.screenshot({ path: SCREENSHOT.pathname, fullPage: true });
    expect(existsSync(SCREENSHOT.pathname)).toBe(true);
    await page.close();
  }, 60_000);

  it('renders right-to-left text right to left and keeps hostile tags, campaigns and thumbnails inert', async () => {
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const input = sampleReportInput();
    input.posts = input.posts!.map((post, index) =>
      index % 7 === 0
        ? { ...post, text: 'مرحبا بالعالم — שלום עולם', tags: [hostile], campaign: hostile, thumbnailUrl: 'javascript:alert(3)' }
        : post,
    );
    const file = join(workDir, 'report-rtl.html');
    writeFileSync(file, renderHtml(buildReport({ ...input, topPostsLimit: 40 })));
    const page = await browser!.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('request', (request) => {
      if (!request.url().startsWith('file:')) requests.push(request.url());
    });
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    const facts = await page.evaluate(() => {
      const rtl = [...document.querySelectorAll('#top-posts span[dir="auto"]')].find((span) => span.textContent?.startsWith('مرحبا'));
      return {
        scripts: document.scripts.length,
        images: document.querySelectorAll('img').length,
        direction: rtl ? getComputedStyle(rtl).direction : null,
        tagRows: document.querySelectorAll('#by-tag tbody tr').length,
        text: document.body.innerText,
      };
    });
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    expect(facts.scripts).toBe(0);
    expect(facts.images).toBe(0); // a javascript: thumbnail is never drawn
    expect(facts.direction).toBe('rtl');
    expect(facts.tagRows).toBeGreaterThan(0);
    expect(facts.text).toContain(hostile);
    await page.close();
  }, 60_000);
});
