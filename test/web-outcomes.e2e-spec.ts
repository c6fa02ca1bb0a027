import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import {
  DESKTOP,
  describeInBrowser,
  launchChromium,
  PageChecks,
  pageWidth,
  PHONE,
} from './support/browser.js';
import { registerDemoUsers } from '../src/web/index.js';
import { startTestApi, type TestApi } from './support/test-api.js';
import { seedCouncil } from '../apps/cli/seed/seed-council.js';

/**
 * Outcomes in the pages: a hub manager records a concern (a flag on the case), an arrest and a
 * family group conference on a phone, then reads the hub's figures for 2025-26 with their charts
 * and data; an auditor sees every hub's, with small numbers withheld.
 */
describeInBrowser()('outcomes in the pages, in Chromium on PostgreSQL', () => {
  let api: TestApi;
  let browser: Browser;
  let hubId: string;
  let ola: string;
  const checks = new PageChecks();

  beforeAll(async () => {
    const keyDir = mkdtempSync(join(tmpdir(), 'nwd-eval-key-'));
    writeFileSync(join(keyDir, 'council.key'), randomBytes(32));
    api = await startTestApi(
      'postgres',
      { env: { ...process.env, EVALUATION_KEY_FILE: join(keyDir, 'council.key') } },
      { appendAsOwner: true },
    );
    hubId = await api.openHub('Outcomes Hub');
    const manager = api.as({
      id: 'mgr-oc',
      name: 'Rae Manager',
      roles: ['hub_manager'],
      hubs: [hubId],
    });
    await registerDemoUsers(api.infra.store, [
      { id: 'mgr-oc', name: 'Rae Manager', roles: ['hub_manager'], hubs: [hubId] },
      { id: 'aud-oc', name: 'Ari Auditor', roles: ['auditor'], hubs: [] },
    ]);
    // Ola was referred on 1 May 2025: the history is written at its own simulated times.
    const at = (day: string) => api.infra.clock.simulate(new Date(`${day}T10:00:00Z`));
    at('2025-05-01');
    const referred = await manager.call('POST', '/api/referrals', {
      hubId,
      category: 'edge_of_care',
      youngPerson: { givenName: 'Ola', familyName: 'Outcome', dateOfBirth: '2009-01-01' },
      socialWorker: { name: 'Sam Social', team: 'North' },
      reason: 'Outcomes page test',
    });
    expect(referred.status).toBe(201);
    ola = referred.body.youngPersonId;
    await manager.call('POST', `/api/young-people/${ola}/accept`);
    await manager.call('POST', `/api/young-people/${ola}/outcomes/baseline`, {
      missingEpisodes: 4,
      arrests: 2,
      placements: 1,
      residentialNights: 0,
      exclusions: 1,
      source: 'Police and children’s services records',
    });
    at('2025-06-01');
    const away = await manager.call('POST', `/api/young-people/${ola}/missing-episodes`, {
      category: 'M',
      startedAt: '2025-06-01T08:00:00Z',
      policeInformed: true,
      circumstances: 'Did not come home',
    });
    expect(away.status).toBe(201);
    at('2025-08-02');
    await manager.call('POST', `/api/young-people/${ola}/outcomes/justice`, {
      kind: 'arrest',
      on: '2025-08-01',
    });
    api.infra.clock.simulate(null);
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('records a concern, an arrest and a family group conference on a phone; the concern flags the case', async () => {
    const context = await browser.newContext(PHONE);
    const page = await checks.signIn(context, api.url, 'Rae Manager');
    await page.goto(`${api.url}/app/young-people/${ola}`);
    await page.getByRole('link', { name: 'Outcomes', exact: true }).last().click();
    await page.waitForURL(/\/outcomes$/);
    expect(await page.locator('#baseline').innerText()).toContain(
      'Police and children’s services records',
    );

    await page.getByText('Open a concern').click();
    await page.getByRole('button', { name: 'Open the concern' }).click();
    expect((await page.locator('.govuk-error-summary__list').innerText()).split('\n')).toEqual([
      'Select the concern',
      'Enter the day it was raised',
    ]);
    await page.getByLabel('Criminal exploitation concern').check();
    await page.locator('#on-day').fill('3');
    await page.locator('#on-month').fill('9');
    await page.locator('#on-year').fill('2025');
    await page.getByLabel('What is known (optional)').fill('Seen with older men; a new phone');
    await page.getByRole('button', { name: 'Open the concern' }).click();
    await page.waitForURL(/saved=concern-opened/);
    // The flag in the case's identity bar (a badge: its text, not its capitals).
    expect(await page.locator('body').textContent()).toContain(
      'Criminal exploitation concern since 3 September 2025',
    );

    await page.getByText('Record an arrest, charge, caution or conviction').click();
    await page.getByLabel('Arrest', { exact: true }).check();
    await page.locator('#justice-on-day').fill('1');
    await page.locator('#justice-on-month').fill('2');
    await page.locator('#justice-on-year').fill('2026');
    await page.getByRole('button', { name: 'Record it' }).first().click();
    await page.waitForURL(/saved=justice/);
    expect(await page.locator('#justice').innerText()).toContain('Arrest, 1 February 2026');

    await page.getByText('Plan a family group conference').click();
    await page.locator('#conference-on-day').fill('10');
    await page.locator('#conference-on-month').fill('9');
    await page.locator('#conference-on-year').fill('2025');
    await page.getByRole('button', { name: 'Plan it' }).click();
    await page.waitForURL(/saved=conference/);
    await page.getByText('Record the next stage: held').click();
    await page.getByRole('button', { name: 'Save the stage' }).click();
    expect(await page.locator('.govuk-error-summary__list').innerText()).toContain('Enter the day');
    await checks.check(page, 'manager-outcomes-phone');
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.viewport.width);
    await context.close();
  }, 90_000);

  it('shows the hub’s figures for a year with their charts, data and CSV, as known at a day', async () => {
    const context = await browser.newContext(DESKTOP);
    const page = await checks.signIn(context, api.url, 'Rae Manager');
    await page.getByRole('link', { name: 'Outcomes' }).first().click();
    await page.waitForURL(/\/app\/outcomes/);
    await page.getByLabel('Year (1 April to 31 March)').selectOption('2025-26');
    await page.getByRole('button', { name: 'Show the figures' }).click();
    await page.waitForURL(/year=2025-26/);
    const figures = await page.locator('#figures').innerText();
    expect(figures).toContain('Young people supported');
    // The year before: 4 missing and 2 arrests; the 12 months after: 1 and 2 (August, February).
    expect(figures).toContain('4 before, 1 after (-3 each)');
    expect(figures).toContain('2 before, 2 after (0 each)');
    expect(figures).toContain('12 months before referral (as recorded)');
    expect(await page.locator('#before-after svg').count()).toBe(1);
    expect(await page.locator('#before-after-data').innerText()).toContain('Missing episodes');
    expect(await page.locator('#trend svg').count()).toBe(1);
    await checks.check(page, 'manager-outcomes-desktop');
    // As known at the end of 1 June 2026: the arrest recorded since (today) is not known yet.
    await page.locator('#asOf-day').fill('1');
    await page.locator('#asOf-month').fill('6');
    await page.locator('#asOf-year').fill('2026');
    await page.getByRole('button', { name: 'Show the figures' }).click();
    await page.waitForURL(/asOf-day=1/);
    expect(await page.locator('.govuk-caption-l').innerText()).toContain(
      'as known at the end of 1 June 2026',
    );
    expect(await page.locator('#figures').innerText()).toContain('2 before, 1 after (-1 each)');
    const csv = await page.request.get(
      `${api.url}${await page.getByRole('link', { name: 'Download the figures (CSV)' }).getAttribute('href')}`,
    );
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(await csv.text()).toContain('Arrests,-1,per young person,2,1,1,');
    await context.close();
  }, 90_000);

  it('shows an auditor every hub’s figures, withholding those of fewer than 5 young people', async () => {
    const context = await browser.newContext(DESKTOP);
    const page = await checks.signIn(context, api.url, 'Ari Auditor');
    await page.waitForURL(/\/audit$/);
    // Figures, not records: the outcomes page does not ask why.
    await page.goto(`${api.url}/app/outcomes?year=2025-26`);
    expect(await page.locator('#figures').innerText()).toContain(
      'Fewer than 5 young people: not shown',
    );
    expect(await page.locator('#figures').innerText()).not.toContain('4 before');
    await checks.check(page, 'auditor-outcomes-desktop');
    // The extract for evaluators: what is in it, and a download recorded as a disclosure.
    await page.getByRole('link', { name: 'Extract for evaluators' }).click();
    // Records are about to be handed over: the auditor says why first.
    await page.waitForURL(/\/app\/reason/);
    await page.getByLabel('Reason').fill('Checking the hub’s outcomes');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(/\/app\/outcomes\/evaluation$/);
    expect(await page.locator('#dictionary').innerText()).toContain('birth_month');
    await checks.check(page, 'auditor-evaluation-desktop');
    await page.getByLabel('Year (1 April to 31 March)').selectOption('2025-26');
    await page.getByRole('button', { name: 'Choose the year' }).click();
    const href = await page.locator('#extract').getAttribute('href');
    const extract = await page.request.get(`${api.url}${href}`);
    expect(extract.headers()['content-type']).toContain('text/csv');
    const rows = (await extract.text()).trim().split('\r\n');
    expect(rows[0].split(',')[0]).toBe('pseudonym');
    expect(rows.length).toBe(2);
    expect(rows[1]).not.toContain('Ola');
    expect(rows[1]).toContain('2009-01');
    const log = await api.infra.store.readStream('access-log-aud-oc');
    expect(log.at(-1)!.data).toMatchObject({
      view: 'evaluation extract disclosed (2025-04-01 to 2026-03-31)',
      youngPersonIds: [ola],
      reason: 'Checking the hub’s outcomes',
    });
    await context.close();
  }, 60_000);

  it('shows a generated council’s year: every figure counted, the charts drawn, on a phone', async () => {
    // A generated hub's year to 31 March 2026, written into this API's log (through its own API).
    await seedCouncil(
      { hubs: 1, years: 1, seed: 11, start: new Date('2025-03-30T00:00:00Z'), progress: false },
      () => undefined,
      api.infra,
    );
    const context = await browser.newContext(PHONE);
    const page = await checks.signIn(context, api.url, 'Ari Auditor');
    await page.waitForURL(/\/audit$/);
    await page.goto(`${api.url}/app/outcomes?year=2025-26`);
    const supported = page.locator('#figures tbody tr').first();
    expect(await supported.innerText()).toContain('Young people supported');
    // Forty or so young people a year: counted and shown, not withheld.
    const count = Number((await supported.locator('td').nth(1).innerText()).trim());
    expect(count).toBeGreaterThanOrEqual(20);
    expect(await page.locator('#trend svg').count()).toBe(1);
    expect(await page.locator('#trend-data').innerText()).toContain('Referrals');
    await checks.check(page, 'auditor-outcomes-council-phone');
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.viewport.width);
    await context.close();
  }, 240_000);

  it('has no WCAG 2.2 A or AA violations, and breaks no rule of the CSP, on any page visited', () => {
    expect(checks.axeFailures).toEqual([]);
    expect(checks.cspViolations).toEqual([]);
  });
});
