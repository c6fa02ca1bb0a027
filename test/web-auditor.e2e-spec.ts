import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  DESKTOP,
  describeInBrowser,
  launchChromium,
  PageChecks,
  pageWidth,
  PHONE,
} from './support/browser.js';
import { registerDemoUsers } from '../src/web/index.js';
import { startTestApi, type Caller, type TestApi } from './support/test-api.js';

/** The text of a PDF, page by page, read with Mozilla's pdf.js (as a reader's viewer would). */
async function pdfText(bytes: Buffer): Promise<string> {
  // pdf.js needs Promise.withResolvers (Node 22+); the project runs on Node 24, and a developer
  // on an older Node still runs this test.
  const P = Promise as unknown as { withResolvers?: () => unknown };
  P.withResolvers ??= () => {
    let resolve: unknown, reject: unknown;
    const promise = new Promise((res, rej) => ((resolve = res), (reject = rej)));
    return { promise, resolve, reject };
  };
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false })
    .promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((i) => ('str' in i ? i.str : '')).join(' '));
  }
  return pages.join('\n');
}

/**
 * The auditor's pages: find any record in any hub, give a reason once (posted, kept for the
 * visit), read a long chronology by filters, compare two moments, take the record as a PDF, and
 * see that disclosure and a refused attempt on the audit page.
 */
describeInBrowser()('the auditor’s pages, in Chromium on PostgreSQL', () => {
  let api: TestApi;
  let browser: Browser;
  let managerA: Caller;
  let managerB: Caller;
  let zeb: string;
  let referredAt: string;
  let missingStarted: string;
  const checks = new PageChecks();

  beforeAll(async () => {
    api = await startTestApi('postgres');
    const hubA = await api.openHub('Audit Hub North');
    const hubB = await api.openHub('Audit Hub South');
    managerA = api.as({ id: 'mgr-a', name: 'Ann Manager', roles: ['hub_manager'], hubs: [hubA] });
    managerB = api.as({ id: 'mgr-b', name: 'Bo Manager', roles: ['hub_manager'], hubs: [hubB] });
    await registerDemoUsers(api.infra.store, [
      { id: 'aud-1', name: 'Ada Auditor', roles: ['auditor'], hubs: [] },
    ]);
    const referred = await managerB.call('POST', '/api/referrals', {
      hubId: hubB,
      category: 'edge_of_care',
      youngPerson: { givenName: 'Zeb', familyName: 'Farhill', dateOfBirth: '2010-06-06' },
      socialWorker: { name: 'Sam Social', team: 'South' },
      reason: 'Audit test',
    });
    zeb = referred.body.youngPersonId;
    // A second apart, so "as known at" can fall between the referral and its acceptance.
    await new Promise((r) => setTimeout(r, 2100));
    referredAt = new Date(Date.now() - 1000).toISOString();
    await managerB.call('POST', `/api/young-people/${zeb}/accept`);
    await managerB.call('POST', `/api/young-people/${zeb}/contacts`, {
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      kind: 'face_to_face',
      notes: 'Met with a neighbour present',
      present: [{ name: 'Pat Witness', relationship: 'neighbour', thirdParty: true }],
    });
    // A missing episode in the middle of last month.
    const mid = new Date();
    mid.setUTCDate(1);
    mid.setUTCMonth(mid.getUTCMonth() - 1);
    mid.setUTCDate(15);
    mid.setUTCHours(12, 0, 0, 0);
    missingStarted = mid.toISOString();
    const away = await managerB.call('POST', `/api/young-people/${zeb}/missing-episodes`, {
      category: 'M',
      startedAt: missingStarted,
      policeInformed: true,
      circumstances: 'Did not come back from town',
    });
    await managerB.call(
      'POST',
      `/api/young-people/${zeb}/missing-episodes/${away.body.episodeId}/return`,
      {
        returnedAt: new Date(mid.getTime() + 6 * 3_600_000).toISOString(),
        whereFound: 'At a friend’s',
      },
    );
    // Someone in the other hub, so the auditor's whole list shows two.
    const yan = await managerA.call('POST', '/api/referrals', {
      hubId: hubA,
      category: 'care_leaver',
      youngPerson: { givenName: 'Yan', familyName: 'Other', dateOfBirth: '2007-01-01' },
      socialWorker: { name: 'Sam Social', team: 'North' },
      reason: 'Audit test',
    });
    await managerA.call('POST', `/api/young-people/${yan.body.youngPersonId}/accept`);
    // A manager of another hub tries to open the record: refused, and counted.
    expect((await managerA.call('GET', `/api/young-people/${zeb}`)).status).toBe(404);
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  let context: BrowserContext;
  let page: Page;

  it('finds a young person in any hub by part of their name, and asks for a reason once, in a posted form', async () => {
    context = await browser.newContext(DESKTOP);
    page = await checks.signIn(context, api.url, 'Ada Auditor');
    await page.waitForURL(/\/audit$/);
    await page.getByRole('link', { name: 'Find a young person’s record' }).click();
    // Records are behind a reason: asked once. Too short: the form again, the error on the field.
    await page.getByLabel('Reason').fill('ab');
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await page.locator('.govuk-error-summary__list').innerText()).toBe(
      'Enter a reason of 3 to 500 letters, numbers or spaces',
    );
    expect(await page.locator('#reason-error').textContent()).toContain('3 to 500');
    await checks.check(page, 'auditor-reason-error-desktop');
    await page.getByLabel('Reason').fill('Annual audit of case records');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(/\/app\/young-people$/);
    expect(page.url()).not.toContain('reason');
    await page.getByLabel('Name, or part of it').fill('farh');
    await page.getByRole('button', { name: 'Search' }).click();
    const row = page.locator('tbody tr', { hasText: 'Zeb Farhill' });
    expect(await row.textContent()).toContain('Audit Hub South');
    await checks.check(page, 'auditor-young-people-desktop');
    await row.getByRole('link', { name: 'Zeb Farhill' }).click();
    await page.waitForURL(/\/chronology$/);
    // Kept for the visit: the next record opens without asking again.
    await page.getByRole('link', { name: 'Field history' }).click();
    await page.waitForURL(/field-history/);
    expect(await page.locator('h1').textContent()).toBe('Field history');
    const looks = await api.infra.readDb.query<{ reason: string }>(
      `SELECT DISTINCT reason FROM rm_access_log.entries WHERE user_id = 'aud-1' AND young_person_id = $1`,
      [zeb],
    );
    expect(looks.rows.map((r) => r.reason)).toEqual(['Annual audit of case records']);
  }, 60_000);

  it('filters the chronology to missing episodes in one month, with UK dates in the sentences', async () => {
    await page.goto(`${api.url}/app/young-people/${zeb}/chronology`);
    await page.getByText('Filter the entries, or go to a date').click();
    await page.getByLabel('Part of the case').selectOption('outreach');
    const month = new Date(missingStarted);
    const last = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 0));
    await page.locator('#from-day').fill('1');
    await page.locator('#from-month').fill(String(month.getUTCMonth() + 1));
    await page.locator('#from-year').fill(String(month.getUTCFullYear()));
    await page.locator('#to-day').fill(String(last.getUTCDate()));
    await page.locator('#to-month').fill(String(last.getUTCMonth() + 1));
    await page.locator('#to-year').fill(String(last.getUTCFullYear()));
    await page.getByRole('button', { name: 'Filter' }).click();
    const entries = page.locator('#chronology .moj-timeline__item');
    expect(await entries.count()).toBe(2);
    const text = await page.locator('#chronology').innerText();
    expect(text).toContain('Reported missing, police informed: Did not come back from town');
    expect(text).toMatch(/return interview to be offered by \d{1,2} \w+ \d{4} at \d{2}:\d{2}/);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    expect(text).toContain('Recorded by Bo Manager');
    expect(await page.locator('#chronology-count').textContent()).toMatch(/2 entries of \d+ match/);
    await checks.check(page, 'auditor-chronology-filtered-desktop');
  }, 60_000);

  it('compares the case as known at two moments, with what was recorded in between', async () => {
    await page.goto(`${api.url}/app/young-people/${zeb}/compare`);
    const fill = async (prefix: string, instant: string) => {
      const local = new Date(instant).toLocaleString('sv-SE', { timeZone: 'Europe/London' });
      const [date, time] = local.split(' ');
      const [y, m, d] = date.split('-');
      await page.locator(`#${prefix}-day`).fill(String(Number(d)));
      await page.locator(`#${prefix}-month`).fill(String(Number(m)));
      await page.locator(`#${prefix}-year`).fill(y);
      await page.locator(`#${prefix}-time`).fill(time);
    };
    await fill('a', referredAt);
    await fill('b', new Date().toISOString());
    await page.getByRole('button', { name: 'Compare' }).click();
    const status = page.locator('#compared tr', { hasText: 'Status' });
    expect(await status.innerText()).toMatch(/Status\s+referred\s+accepted\s+changed/i);
    expect(await page.locator('#between').innerText()).toContain('Referral accepted by the hub');
    await checks.check(page, 'auditor-compare-desktop');
    await page.setViewportSize(PHONE.viewport);
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);
    await checks.check(page, 'auditor-compare-phone');
    await page.setViewportSize(DESKTOP.viewport);
  }, 60_000);

  it('takes the record as a PDF the young person can read, with no third party’s name, and logs it as a disclosure', async () => {
    await page.goto(`${api.url}/app/young-people/${zeb}/record`);
    expect(await page.locator('h1').textContent()).toBe('Record of Zeb Farhill');
    expect(await page.locator('body').innerText()).toContain('[name withheld: third party]');
    expect(await page.locator('body').innerText()).not.toContain('Pat Witness');
    await checks.check(page, 'auditor-record-desktop');
    const pdf = await page.request.get(`${api.url}/app/young-people/${zeb}/record?format=pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const text = await pdfText(await pdf.body());
    expect(text).toContain('Record of Zeb Farhill');
    expect(text).toContain('[name withheld: third party]');
    expect(text).not.toContain('Pat Witness');
    expect(text).toContain('Produced on');

    await page.goto(`${api.url}/app/audit`);
    const looks = await page.locator('#looks').innerText();
    expect(looks).toContain('subject access record disclosed of Zeb Farhill');
    expect(looks).toContain('Why: Annual audit of case records');
    expect(await page.locator('main').innerText()).toContain('Not theirs to see');
    await checks.check(page, 'auditor-audit-looks-desktop');
    // A list seen once is one look, naming how many it showed (and who, on its detail).
    await page.getByText('Filter the looks').click();
    await page.getByLabel('Kind of look').selectOption('young people list page');
    await page.getByRole('button', { name: 'Filter' }).click();
    const lists = await page.locator('#looks').innerText();
    expect(lists).toMatch(/young people list page showing 2 young people/);
    expect(lists).toMatch(/young people list page of Zeb Farhill/);
    await context.close();
  }, 60_000);

  it('has no WCAG 2.2 A or AA violations, and breaks no rule of the CSP, on any page visited', () => {
    expect(checks.axeFailures).toEqual([]);
    expect(checks.cspViolations).toEqual([]);
  });
});
