import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
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

/**
 * The SSDA903 return in the pages: a hub manager sees what stands in the way, follows each link
 * to the form that fixes it, and downloads the tables; an auditor sees every hub's return.
 */
describeInBrowser()('the SSDA903 return’s pages, in Chromium on PostgreSQL', () => {
  let api: TestApi;
  let browser: Browser;
  let hubId: string;
  let ana: string;
  const checks = new PageChecks();

  beforeAll(async () => {
    api = await startTestApi('postgres');
    hubId = await api.openHub('Returns Hub');
    const manager = api.as({
      id: 'mgr-ret',
      name: 'Rae Manager',
      roles: ['hub_manager'],
      hubs: [hubId],
    });
    await registerDemoUsers(api.infra.store, [
      { id: 'mgr-ret', name: 'Rae Manager', roles: ['hub_manager'], hubs: [hubId] },
      { id: 'aud-ret', name: 'Ari Auditor', roles: ['auditor'], hubs: [] },
    ]);
    const referred = await manager.call('POST', '/api/referrals', {
      hubId,
      category: 'edge_of_care',
      youngPerson: { givenName: 'Ana', familyName: 'Ledger', dateOfBirth: '2010-03-03' },
      socialWorker: { name: 'Sam Social', team: 'North' },
      reason: 'Returns page test',
    });
    ana = referred.body.youngPersonId;
    await manager.call('POST', `/api/young-people/${ana}/accept`);
    await manager.call('POST', `/api/hubs/${hubId}/admissions`, {
      youngPersonId: ana,
      from: '2025-05-01',
      episode: {
        rne: 'S',
        ls: 'V2',
        place: 'K2',
        placeProvider: 'PR1',
        postcode: 'SO23 8UJ',
        outOfArea: false,
      },
    });
    const left = await manager.call('POST', `/api/hubs/${hubId}/admissions/${ana}/discharge`, {
      on: '2025-09-01',
      destination: 'home_to_family',
      reason: 'Home',
      rec: 'E4A',
    });
    await api.infra.runner.waitFor(
      api.infra.runner.projections.map((p) => p.name),
      left.body.position,
      5000,
    );
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  async function returnPage(page: Page) {
    await page.getByRole('link', { name: 'SSDA903 return' }).first().click();
    await page.waitForURL(/\/app\/returns\/ssda903/);
  }

  it('lists what stands in the way, and each link opens the form that puts it right', async () => {
    const context = await browser.newContext(PHONE);
    const page = await checks.signIn(context, api.url, 'Rae Manager');
    await page.goto(`${api.url}/app/returns/ssda903?year=2025-26`);
    expect(await page.locator('h1').textContent()).toBe('SSDA903 return 2025-26');
    expect(await page.locator('#readiness').innerText()).toContain('3 things to put right');
    expect(await page.locator('#tables').innerText()).toMatch(/Episodes[^\n]*\n?\s*1/);
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);
    await checks.check(page, 'manager-return-problems-phone');

    // The hub's council and Ofsted number: a wrong URN is refused on its field.
    await page
      .getByRole('link', { name: /Record the hub’s council and Ofsted number/ })
      .first()
      .click();
    await page.waitForURL(/\/registration$/);
    await page.getByLabel('Council').selectOption('E10000014');
    await page.getByLabel('Ofsted unique reference number (URN)').fill('SC12');
    await page.getByRole('button', { name: 'Save' }).click();
    // The message says what an Ofsted URN looks like, not just that it is wrong.
    expect(await page.locator('.govuk-error-summary').innerText()).toContain(
      'The Ofsted URN must be SC and 6 digits (SC123456), or 7 digits',
    );
    expect(await page.getByLabel('Council').inputValue()).toBe('E10000014');
    await checks.check(page, 'manager-hub-registration-error-phone');
    await page.getByLabel('Ofsted unique reference number (URN)').fill('sc123456');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('.govuk-notification-banner--success').waitFor();
    expect(await page.getByLabel('Ofsted unique reference number (URN)').inputValue()).toBe(
      'SC123456',
    );

    await page.getByRole('link', { name: 'The SSDA903 return' }).click();
    expect(await page.locator('#readiness').innerText()).toContain('1 thing to put right');
    await page.getByRole('link', { name: 'Record the details for Ana Ledger' }).click();
    await page.waitForURL(/\/return-details$/);
    await page.getByLabel('Council’s child id').fill('HC0042');
    await page.getByLabel('Female').check();
    await page.getByLabel('Ethnicity').selectOption('WBRI');
    await page.getByLabel('Why there is no UPN').selectOption('UN4');
    await page.getByRole('group', { name: 'Is she a mother?' }).getByLabel('No').check();
    await page.getByLabel('Category of need').selectOption('N4');
    await page.getByLabel('Home postcode').fill('bh24 1ej');
    // The day asylum-seeking status ceased is asked under the box, once it is ticked.
    expect(await page.locator('#uascCeasedOn-day').isVisible()).toBe(false);
    await page.getByLabel('They are, or were, an unaccompanied asylum-seeking child').check();
    expect(await page.locator('#uascCeasedOn-day').isVisible()).toBe(true);
    await page.getByLabel('They are, or were, an unaccompanied asylum-seeking child').uncheck();
    await page.getByRole('button', { name: 'Save the details' }).click();
    await page.locator('.govuk-notification-banner--success').waitFor();
    expect(await page.getByLabel('Home postcode').inputValue()).toBe('BH24 1EJ');
    await checks.check(page, 'manager-return-details-phone');

    await page.goto(`${api.url}/app/returns/ssda903?year=2025-26`);
    expect(await page.locator('#readiness').innerText()).toContain('Ready to send');
    const csv = await page.request.get(`${api.url}/app/returns/ssda903/2025-26/episodes.csv`);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(await csv.text()).toContain(
      'HC0042,01/05/2025,S,V2,N4,K2,PR1,01/09/2025,E4A,,BH24 1EJ,SO23 8UJ,SC123456',
    );
    await checks.check(page, 'manager-return-ready-phone');

    // A care order made while Ben stays in a bed: recorded from the bed board, a new episode (L).
    const manager = api.as({ id: 'mgr-ret', roles: ['hub_manager'], hubs: [hubId] });
    const ben = await manager.call('POST', '/api/referrals', {
      hubId,
      category: 'edge_of_care',
      youngPerson: { givenName: 'Ben', familyName: 'Ledger', dateOfBirth: '2011-04-04' },
      socialWorker: { name: 'Sam Social', team: 'North' },
      reason: 'Returns page test',
    });
    await manager.call('POST', `/api/young-people/${ben.body.youngPersonId}/accept`);
    const inBed = await manager.call('POST', `/api/hubs/${hubId}/admissions`, {
      youngPersonId: ben.body.youngPersonId,
      from: '2025-06-01',
      episode: {
        rne: 'S',
        ls: 'V2',
        place: 'K2',
        placeProvider: 'PR1',
        postcode: 'SO23 8UJ',
        outOfArea: false,
      },
    });
    await page.goto(`${api.url}/app/hubs/${hubId}/beds?after=${inBed.body.position}`);
    await page.getByRole('link', { name: 'New legal status for Ben Ledger' }).click();
    await page.getByRole('button', { name: 'Record the new legal status' }).click();
    expect((await page.locator('.govuk-error-summary__list').innerText()).split('\n')).toEqual([
      'Select the new legal status',
      'Enter the day it changed',
    ]);
    await page.getByLabel('New legal status').selectOption('C2');
    await page.locator('#on-day').fill('1');
    await page.locator('#on-month').fill('7');
    await page.locator('#on-year').fill('2025');
    await checks.check(page, 'manager-legal-status-phone');
    await page.getByRole('button', { name: 'Record the new legal status' }).click();
    await page.waitForURL(/saved=legal-status/);
    const episodes = await (
      await page.request.get(`${api.url}/app/returns/ssda903/2025-26/episodes.csv`)
    ).text();
    expect(episodes).toContain(',01/06/2025,S,V2,,K2,PR1,01/07/2025,X1,,,SO23 8UJ,SC123456');
    expect(episodes).toContain(',01/07/2025,L,C2,,K2,PR1,,,,,SO23 8UJ,SC123456');

    // Before the hub, Ben was with council foster carers: the manager adds it to his case.
    await page.goto(`${api.url}/app/young-people/${ben.body.youngPersonId}/placements-outside`);
    await page.getByRole('button', { name: 'Add the placement' }).click();
    expect(await page.locator('.govuk-error-summary__list').innerText()).toContain(
      'Enter who cares for them and where',
    );
    await page.getByLabel('Who and where').fill('Council foster carers, New Milton');
    await page.locator('#from-day').fill('10');
    await page.locator('#from-month').fill('4');
    await page.locator('#from-year').fill('2025');
    await page.getByLabel('Legal status (LS)').selectOption('V2');
    await page.getByLabel('Placement type (PLACE)').selectOption('U6');
    await page.getByLabel('Postcode of the placement').fill('BH25 5RZ');
    await page.getByRole('button', { name: 'Add the placement' }).click();
    await page.locator('.govuk-notification-banner--success').waitFor();
    await page.getByText('It has ended').click();
    await page.locator('#on-1-day').fill('1');
    await page.locator('#on-1-month').fill('6');
    await page.locator('#on-1-year').fill('2025');
    await page.getByLabel('Why the episode ended').selectOption('X1');
    await page.getByLabel('Why the placement changed (if it did)').selectOption('CARPL');
    await checks.check(page, 'manager-placements-outside-phone');
    await page.getByRole('button', { name: 'Record that it ended' }).click();
    await page.locator('.govuk-notification-banner--success', { hasText: 'ended' }).waitFor();
    expect(await page.locator('#placements').innerText()).toContain('X1: Still looked after');
    const whole = await (
      await page.request.get(`${api.url}/app/returns/ssda903/2025-26/episodes.csv`)
    ).text();
    expect(whole).toContain(',10/04/2025,S,V2,,U6,PR1,01/06/2025,X1,CARPL,,BH25 5RZ,XXXXXXX');
    expect(whole).toContain(',01/06/2025,P,V2,,K2,PR1,01/07/2025,X1,,,SO23 8UJ,SC123456');
    await context.close();
  }, 90_000);

  it('shows an auditor every hub’s return, after the reason', async () => {
    const context = await browser.newContext(DESKTOP);
    const page = await checks.signIn(context, api.url, 'Ari Auditor');
    await page.waitForURL(/\/audit$/);
    await returnPage(page);
    if (await page.getByLabel('Reason').count()) {
      await page.getByLabel('Reason').fill('Checking the return before it is sent');
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.waitForURL(/\/app\/returns\/ssda903/);
    }
    expect(await page.locator('.govuk-caption-l').textContent()).toContain('Hampshire (E10000014)');
    // Ben's details are not recorded yet: the auditor sees what the manager would.
    expect(await page.locator('#readiness').innerText()).toContain('1 thing to put right');
    expect(await page.locator('#problems').innerText()).toContain('Ben Ledger');
    // An auditor changes nothing: the problem is said, with no form to follow.
    expect(await page.locator('#problems a').count()).toBe(0);
    await checks.check(page, 'auditor-return-desktop');
    await context.close();
  }, 60_000);

  it('records a new legal status for someone living with a community family, on a phone', async () => {
    const manager = api.as({ id: 'mgr-ret', roles: ['hub_manager'], hubs: [hubId] });
    const cara = await manager.call('POST', '/api/referrals', {
      hubId,
      category: 'edge_of_care',
      youngPerson: { givenName: 'Cara', familyName: 'Ledger', dateOfBirth: '2011-02-02' },
      socialWorker: { name: 'Sam Social', team: 'North' },
      reason: 'Returns page test',
    });
    const caraId = cara.body.youngPersonId;
    await manager.call('POST', `/api/young-people/${caraId}/accept`);
    const family = await manager.call('POST', `/api/hubs/${hubId}/community-families`, {
      name: 'The Generated Carers',
      approvedOn: '2025-01-10',
      capacity: 1,
      ageRange: { min: 12, max: 17 },
    });
    const familyId = family.body.familyId;
    const placed = await manager.call(
      'POST',
      `/api/hubs/${hubId}/community-families/${familyId}/placements`,
      {
        youngPersonId: caraId,
        from: '2025-05-01',
        episode: {
          rne: 'S',
          ls: 'V2',
          place: 'U6',
          placeProvider: 'PR1',
          postcode: 'BH25 5RZ',
          outOfArea: false,
        },
      },
    );
    expect(placed.status).toBe(201);
    const context = await browser.newContext(PHONE);
    const page = await checks.signIn(context, api.url, 'Rae Manager');
    await page.goto(`${api.url}/app/hubs/${hubId}/families/${familyId}`);
    const row = page.locator(`#living li[data-young-person="${caraId}"]`);
    expect(await row.innerText()).toContain('looked after as V2');
    await row.getByText('A new legal status for Cara Ledger').click();
    await row.getByRole('button', { name: 'Record the new legal status' }).click();
    expect((await page.locator('.govuk-error-summary__list').innerText()).split('\n')).toEqual([
      'Select the new legal status',
      'Enter the day it changed',
    ]);
    // The refused form comes back open on Cara's row, with the errors on its fields.
    await page.getByLabel('New legal status').selectOption('C1');
    await page.locator('#on-day').fill('10');
    await page.locator('#on-month').fill('6');
    await page.locator('#on-year').fill('2025');
    await checks.check(page, 'manager-family-legal-status-phone');
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.viewport.width);
    await page.getByRole('button', { name: 'Record the new legal status' }).click();
    await page.waitForURL(/saved=legal-status/);
    expect(await page.locator(`#living li[data-young-person="${caraId}"]`).innerText()).toContain(
      'looked after as C1',
    );
    const episodes = await (
      await page.request.get(`${api.url}/app/returns/ssda903/2025-26/episodes.csv`)
    ).text();
    expect(episodes).toContain(',01/05/2025,S,V2,,U6,PR1,10/06/2025,X1,,,BH25 5RZ,XXXXXXX');
    expect(episodes).toContain(',10/06/2025,L,C1,,U6,PR1,,,,,BH25 5RZ,XXXXXXX');
    await context.close();
  }, 90_000);

  it('has no WCAG 2.2 A or AA violations, and breaks no rule of the CSP, on any page visited', () => {
    expect(checks.axeFailures).toEqual([]);
    expect(checks.cspViolations).toEqual([]);
  });
});
