import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from '@jest/globals';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { REPO_ROOT } from '#testing/build';

export const CHROMIUM = '/usr/bin/chromium';
export const SHOTS = join(REPO_ROOT, 'test-results', 'screenshots');

/** `describe`, or `describe.skip` with one line saying why when Debian's Chromium is missing. */
export function describeInBrowser(): typeof describe | typeof describe.skip {
  if (existsSync(CHROMIUM)) return describe;
  process.stdout.write(
    'Skipped: the browser tests need Debian chromium at /usr/bin/chromium (.ci/run installs it)\n',
  );
  return describe.skip;
}

export function launchChromium(): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
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
}

export const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
export const DESKTOP = { viewport: { width: 1280, height: 900 } };

/**
 * What every browser test checks on every page it visits: axe (WCAG 2.2 A and AA), that the
 * Content-Security-Policy let the page's scripts run and was not broken, and a screenshot.
 * The failures are collected for one assertion at the end of the suite.
 */
export class PageChecks {
  readonly axeFailures: string[] = [];
  readonly cspViolations: string[] = [];

  async check(page: Page, name: string): Promise<void> {
    const body = (await page.locator('body').getAttribute('class')) ?? '';
    if (body.includes('govuk-template__body') && !body.includes('js-enabled'))
      this.cspViolations.push(`${name}: the body is not js-enabled`);
    const result = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    for (const v of result.violations)
      this.axeFailures.push(
        `${name}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      );
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  }

  /** Signs in as a demo user from the sign-in page (checked too), listening for CSP reports. */
  private signInChecked = false;

  async signIn(context: BrowserContext, baseUrl: string, name: string): Promise<Page> {
    const page = await context.newPage();
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text()))
        this.cspViolations.push(`${name}: ${m.text()}`);
    });
    await page.goto(`${baseUrl}/app`);
    await page.getByLabel(name).check();
    // The sign-in page is the same each time: checked and pictured once.
    if (!this.signInChecked) await this.check(page, 'sign-in');
    this.signInChecked = true;
    await page.getByRole('button', { name: 'Sign in' }).click();
    return page;
  }
}

/** The page's width in CSS pixels: more than the viewport means sideways scrolling. */
export const pageWidth = (page: Page) =>
  page.evaluate(
    () =>
      (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
        .documentElement.scrollWidth,
  );
