import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  describeInBrowser,
  launchChromium,
  PageChecks,
  pageWidth,
  SHOTS,
} from './support/browser.js';
import { outreachStreamId } from '../src/outreach/index.js';
import { registerDemoUsers } from '../src/web/index.js';
import { startTestApi, type Caller, type TestApi } from './support/test-api.js';

const maybe = describeInBrowser();

/** UK wall-clock time of an instant, to the second, as a datetime-local value. */
const ukLocal = (instant: string) =>
  new Date(instant).toLocaleString('sv-SE', { timeZone: 'Europe/London' }).replace(' ', 'T');

maybe('the pages in a real browser (Chromium) on PostgreSQL', () => {
  let api: TestApi;
  let browser: Browser;
  let hubId: string;
  let manager: Caller;
  const checks = new PageChecks();
  const { axeFailures, cspViolations } = checks;

  beforeAll(async () => {
    api = await startTestApi('postgres');
    hubId = (
      await api.as({ id: 'admin', roles: ['admin'] }).call('POST', '/api/hubs', {
        name: 'Web Hub',
        council: 'C',
        plannedBeds: 2,
        emergencyBeds: 1,
      })
    ).body.hubId;
    manager = api.as({
      id: 'mgr-web',
      name: 'Mina Manager',
      roles: ['hub_manager'],
      hubs: [hubId],
    });
    await registerDemoUsers(api.infra.store, [
      { id: 'mgr-web', name: 'Mina Manager', roles: ['hub_manager'], hubs: [hubId] },
      { id: 'ow-web', name: 'Olu Outreach', roles: ['outreach_worker'], hubs: [hubId] },
      { id: 'aud-web', name: 'Ada Auditor', roles: ['auditor'], hubs: [] },
    ]);
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  const check = (page: Page, name: string) => checks.check(page, name);
  const signIn = (context: BrowserContext, name: string) => checks.signIn(context, api.url, name);
  async function referral(givenName: string) {
    const r = await manager.call('POST', '/api/referrals', {
      hubId,
      category: 'edge_of_care',
      youngPerson: { givenName, familyName: 'Generated', dateOfBirth: '2010-02-02' },
      socialWorker: { name: 'Sam Social', team: 'North' },
      reason: 'Web test',
    });
    return r.body as { youngPersonId: string; position: number };
  }

  /** A young person accepted into the hub, and the manager signed in on a desktop browser. */
  async function managerWith(youngPersonId: string) {
    const accepted = await manager.call('POST', `/api/young-people/${youngPersonId}/accept`);
    await api.infra.runner.waitFor(
      api.infra.runner.projections.map((p) => p.name),
      accepted.body.position,
      5000,
    );
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await signIn(context, 'Mina Manager');
    await page.waitForURL(/\/referrals$/);
    return { page, context };
  }

  it('lets a manager put a worker on the staff list, accept a referral and allocate them from the list', async () => {
    const { youngPersonId, position } = await referral('Alex');
    await api.infra.runner.waitFor(
      api.infra.runner.projections.map((p) => p.name),
      position,
      5000,
    );
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await signIn(context, 'Mina Manager');
    await page.waitForURL(/\/referrals$/);
    await check(page, 'manager-referrals-desktop');

    // The staff list: an empty form is refused in plain words, field by field.
    await page.getByRole('link', { name: 'Staff' }).click();
    expect(await page.locator('main').textContent()).toContain('No one is on the staff list yet');
    await page.getByRole('button', { name: 'Add to the staff list' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Enter their name');
    const summary = await page.locator('.govuk-error-summary__list').innerText();
    expect(summary.split('\n')).toEqual([
      'Enter their name',
      'Select their role in the hub',
      'Enter how they sign in',
      'Enter their first day in the hub',
    ]);
    await check(page, 'manager-staff-errors-desktop');
    await page.getByLabel('Their name').fill('Olu Outreach');
    await page.getByLabel('Outreach worker').check();
    await page.getByLabel('How they sign in').fill('ow-web');
    await page.getByLabel('Day').fill('5');
    await page.getByLabel('Month').fill('1');
    await page.getByLabel('Year').fill('2026');
    await page.getByRole('button', { name: 'Add to the staff list' }).click();
    await page.waitForURL(/saved=staff-added/);
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain(
      'Added to the staff list',
    );
    expect(await page.locator('#staff-now tbody tr').count()).toBe(1);
    expect(await page.locator('#staff-now').textContent()).toContain('5 January 2026');
    await check(page, 'manager-staff-desktop');
    const staff = await api.infra.store.readStream(`hub-staff-${hubId}`);
    expect(staff.map((e) => [e.type, e.data.signIn, e.data.role])).toEqual([
      ['StaffMemberAdded', 'ow-web', 'outreach_worker'],
    ]);

    await page.goto(`${api.url}/app/young-people/${youngPersonId}`);
    await check(page, 'manager-case-referred-desktop');
    await page.getByRole('button', { name: 'Accept the referral' }).click();
    expect(await page.locator('#case-status').textContent()).toBe('Open');
    await page.getByRole('button', { name: 'Allocate' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(
      'Select a key worker',
    );
    await page.getByLabel('Olu Outreach').check();
    await check(page, 'manager-case-allocate-desktop');
    await page.getByRole('button', { name: 'Allocate' }).click();
    await page.waitForURL(/saved=/);
    expect(await page.locator('.govuk-summary-list').textContent()).toContain('Olu Outreach');
    const events = await api.infra.store.readStream(`young-person-${youngPersonId}`);
    expect(events.map((e) => e.type)).toEqual([
      'ReferralReceived',
      'ReferralAccepted',
      'KeyWorkerAllocated',
    ]);
    expect(events[2].metadata.actor).toMatchObject({ id: 'mgr-web' });
    for (const path of ['beds', 'missing']) {
      await page.goto(`${api.url}/app/hubs/${hubId}/${path}`);
      await check(page, `manager-${path}-desktop`);
    }
    await context.close();
  }, 90_000);

  it('lets a manager admit to a free bed, see the board change, discharge, and take a bed out of use and back', async () => {
    const { youngPersonId } = await referral('Bea');
    const { page, context } = await managerWith(youngPersonId);
    await page.getByRole('link', { name: 'Beds and housing' }).click();
    const bed = (id: string) => page.locator('.app-bed').filter({ hasText: id });
    await page.getByRole('link', { name: 'Admit someone to Planned bed 1' }).click();
    await check(page, 'manager-bed-admit-desktop');

    // Sent empty: each field says what to do, in the order the page asks.
    await page.getByRole('button', { name: 'Admit' }).click();
    expect((await page.locator('.govuk-error-summary__list').innerText()).split('\n')).toEqual([
      'Select who to admit',
      'Enter the day they come',
      'Enter the postcode of the placement',
    ]);
    await check(page, 'manager-bed-admit-errors-desktop');
    await page.getByLabel('Bea Generated').check();
    await page.locator('#from-day').fill('1');
    await page.locator('#from-month').fill('12');
    await page.locator('#from-year').fill('2026');
    await page.getByLabel('Postcode of the placement').fill('YO1 7HH');
    await page.getByRole('button', { name: 'Admit' }).click();
    await page.waitForURL(/\/beds\?saved=admitted/);
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('Admitted');
    expect(await bed('Planned bed 1').textContent()).toContain('Bea Generated');
    const admitted = (await api.infra.store.readStream(`hub-${hubId}`)).at(-1)!;
    expect(admitted.type).toBe('YoungPersonAdmitted');
    expect(admitted.data).toMatchObject({
      bedId: 'planned-1',
      youngPersonId,
      from: '2026-12-01',
      plannedEnd: null,
      episode: {
        rne: 'S',
        ls: 'V2',
        place: 'K2',
        placeProvider: 'PR1',
        postcode: 'YO1 7HH',
        outOfArea: false,
      },
    });
    expect(admitted.metadata.actor).toMatchObject({ id: 'mgr-web' });
    await check(page, 'manager-beds-occupied-desktop');

    // A move to another free bed: the same stay, now in that bed.
    await page.getByRole('link', { name: 'Move Bea Generated to another bed' }).click();
    await page.getByRole('button', { name: 'Move them to the bed' }).click();
    expect((await page.locator('.govuk-error-summary__list').innerText()).split('\n')).toEqual([
      'Select the bed they move to',
      'Enter the day they move',
      'Enter why they move',
    ]);
    const free = await page
      .locator('input[name="toBedId"]')
      .evaluateAll((inputs) => inputs.map((i) => i.getAttribute('value')));
    expect(free).toEqual(['planned-2', 'emergency-1']);
    await page.getByLabel('Planned bed 2').check();
    await page.locator('#on-day').fill('2');
    await page.locator('#on-month').fill('12');
    await page.locator('#on-year').fill('2026');
    await page.getByLabel('Why they move').fill('A quieter room');
    await check(page, 'manager-bed-move-desktop');
    await page.getByRole('button', { name: 'Move them to the bed' }).click();
    await page.waitForURL(/saved=moved-bed/);
    expect(await bed('Planned bed 2').textContent()).toContain('Bea Generated');
    expect(await bed('Planned bed 1').textContent()).toContain('free');
    const moved = (await api.infra.store.readStream(`hub-${hubId}`)).at(-1)!;
    expect([moved.type, moved.data.fromBedId, moved.data.toBedId, moved.data.on]).toEqual([
      'YoungPersonMovedBed',
      'planned-1',
      'planned-2',
      '2026-12-02',
    ]);
    // The stay heads the case, and the hub's list finds who is in a bed.
    await page.goto(`${api.url}/app/hubs/${hubId}/young-people?attention=in_hub_bed`);
    const inBed = page.locator('tbody tr');
    expect(await inBed.count()).toBe(1);
    expect(await inBed.first().textContent()).toMatch(
      /Bea Generated.*In a hub bed: (\d+ days?|since today)/s,
    );
    await page.goto(`${api.url}/app/hubs/${hubId}/beds`);

    await page.getByRole('link', { name: 'Discharge Bea Generated from Planned bed 2' }).click();
    await page.getByRole('button', { name: 'Record that they have left the bed' }).click();
    expect((await page.locator('.govuk-error-summary__list').innerText()).split('\n')).toEqual([
      'Enter the day they leave the bed',
      'Select where they go',
      'Enter why they leave the bed',
    ]);
    await page.locator('#on-day').fill('4');
    await page.locator('#on-month').fill('12');
    await page.locator('#on-year').fill('2026');
    await page.getByLabel('Supported lodgings').check();
    await page.getByLabel('Why they leave the bed').fill('Ready for supported lodgings');
    // Any move but to a community family ends the episode: the return needs the reason.
    await page.getByLabel('Why this episode of care ends').selectOption('E5');
    await check(page, 'manager-bed-discharge-desktop');
    await page.getByRole('button', { name: 'Record that they have left the bed' }).click();
    await page.waitForURL(/saved=discharged/);
    expect(await bed('Planned bed 2').textContent()).toContain('free');
    const discharged = (await api.infra.store.readStream(`hub-${hubId}`)).at(-1)!;
    expect([discharged.type, discharged.data.destination, discharged.data.on]).toEqual([
      'YoungPersonDischarged',
      'supported_lodgings',
      '2026-12-04',
    ]);

    // Out of use from today, refused without a reason (said on that bed), then back in use.
    await bed('Planned bed 2').locator('.govuk-details__summary').click();
    await bed('Planned bed 2').getByRole('button', { name: 'Take out of use' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(
      'Enter why the bed is out of use',
    );
    expect(await bed('Planned bed 2').locator('.govuk-error-message').textContent()).toContain(
      'Enter why the bed is out of use',
    );
    await bed('Planned bed 2').getByLabel('Why it is out of use, from today').fill('Broken window');
    await bed('Planned bed 2').getByRole('button', { name: 'Take out of use' }).click();
    await page.waitForURL(/saved=out-of-use/);
    expect(await bed('Planned bed 2').textContent()).toContain('Broken window');
    await check(page, 'manager-beds-out-of-use-desktop');
    await page.getByRole('button', { name: 'Planned bed 2 is back in use today' }).click();
    await page.waitForURL(/saved=back-in-use/);
    expect(await bed('Planned bed 2').textContent()).toContain('free');
    const types = (await api.infra.store.readStream(`hub-${hubId}`)).map((e) => e.type);
    expect(types.slice(-2)).toEqual(['BedTakenOutOfUse', 'BedReturnedToUse']);

    // When a stay is marked: the hub's threshold, in weeks.
    await page.getByText('Change when a stay is marked').click();
    await page.getByLabel('Mark a stay after how many weeks?').fill('');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    expect(await page.locator('.govuk-error-summary__list').innerText()).toBe(
      'Enter the number of weeks, from 1 to 104',
    );
    await page.getByLabel('Mark a stay after how many weeks?').fill('10');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForURL(/saved=threshold-set/);
    expect(await page.locator('#beds-free').textContent()).toContain('Stays over 10 weeks');

    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(`${api.url}/app/hubs/${hubId}/beds/planned-1/admit`);
    await check(page, 'manager-bed-admit-phone');
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);
    await context.close();
  }, 90_000);

  it('lets a manager add a community family, place a young person with them and end the placement', async () => {
    const { youngPersonId } = await referral('Eve');
    const { page, context } = await managerWith(youngPersonId);
    await page.getByRole('link', { name: 'Beds and housing' }).click();
    await page.getByText('Add a community family').click();
    await page.getByRole('button', { name: 'Add the family' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(
      'Enter the family’s name',
    );
    await page.getByLabel('The family’s name').fill('The Sample family');
    await page.locator('#approvedOn-day').fill('1');
    await page.locator('#approvedOn-month').fill('9');
    await page.locator('#approvedOn-year').fill('2026');
    await page.getByLabel('How many young people they can care for').fill('2');
    await page.getByLabel('Youngest age they care for').fill('12');
    await page.getByLabel('Oldest age they care for').fill('18');
    await page.getByRole('button', { name: 'Add the family' }).click();
    await page.waitForURL(/saved=family-added/);
    await page.getByRole('link', { name: 'The Sample family' }).click();
    expect(await page.locator('main').textContent()).toContain('2 places free of 2');

    await page.getByRole('button', { name: 'Place with the family' }).click();
    expect((await page.locator('.govuk-error-summary__list').innerText()).split('\n')).toEqual([
      'Select who goes to live with them',
      'Enter the day they move in',
      'Enter the postcode of the placement',
    ]);
    await page.getByLabel('Eve Generated').check();
    await page.locator('#from-day').fill('2');
    await page.locator('#from-month').fill('12');
    await page.locator('#from-year').fill('2026');
    await page.getByLabel('Postcode of the placement').fill('YO1 7HH');
    await check(page, 'manager-family-place-desktop');
    await page.getByRole('button', { name: 'Place with the family' }).click();
    await page.waitForURL(/saved=placed/);
    expect(await page.locator('#living').textContent()).toContain('Eve Generated');
    expect(await page.locator('main').textContent()).toContain('1 place free of 2');
    const familyId = page.url().match(/families\/([0-9a-f-]{36})/)![1];
    const placed = (await api.infra.store.readStream(`community-family-${familyId}`)).at(-1)!;
    expect(placed.type).toBe('YoungPersonPlacedWithFamily');
    expect(placed.data).toMatchObject({
      youngPersonId,
      from: '2026-12-02',
      episode: { place: 'U6', rne: 'P' },
    });

    await page.getByText('End Eve Generated’s placement').click();
    await page.locator('#living').getByRole('button', { name: 'End the placement' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Enter why it ends');
    await page.locator('#on-day').fill('4');
    await page.locator('#on-month').fill('12');
    await page.locator('#on-year').fill('2026');
    await page.getByLabel('Why it ends').fill('Moving to supported lodgings');
    await page.locator('#living').getByRole('button', { name: 'End the placement' }).click();
    await page.waitForURL(/saved=placement-ended/);
    expect(await page.locator('main').textContent()).toContain('No one lives with them now');
    await check(page, 'manager-family-desktop');
    await context.close();
  }, 90_000);

  it('lets a manager register a housing option and record a young person’s move into it', async () => {
    const { youngPersonId } = await referral('Fay');
    const { page, context } = await managerWith(youngPersonId);
    await page.goto(`${api.url}/app/hubs/${hubId}/housing`);
    await page.getByRole('button', { name: 'Register the option' }).click();
    expect((await page.locator('.govuk-error-summary__list').innerText()).split('\n')).toEqual([
      'Select the kind of housing',
      'Enter its name',
      'Enter how many young people it takes, from 1 to 50',
      'Enter the youngest age it takes',
      'Enter the oldest age it takes',
    ]);
    await page.getByLabel('Training flat').check();
    await page.getByLabel('Its name').fill('Example Street flat');
    await page.getByLabel('How many young people it takes').fill('1');
    await page.getByLabel('Youngest age it takes').fill('16');
    await page.getByLabel('Oldest age it takes').fill('21');
    await page.getByRole('button', { name: 'Register the option' }).click();
    await page.waitForURL(/saved=option-registered/);
    expect(await page.locator('#options').textContent()).toContain('1 place free of 1');
    await check(page, 'manager-housing-options-desktop');

    await page.goto(`${api.url}/app/young-people/${youngPersonId}/housing`);
    await page.getByText('Record a move').click();
    await page.getByRole('button', { name: 'Record the move' }).click();
    expect((await page.locator('.govuk-error-summary__list').innerText()).split('\n')).toEqual([
      'Select where they move to',
      'Enter the day they move',
      'Enter why they move',
      'Select whether the move was planned',
    ]);
    // The form that failed is open again.
    await page.getByLabel('Example Street flat').check();
    await page.locator('#on-day').fill('3');
    await page.locator('#on-month').fill('12');
    await page.locator('#on-year').fill('2026');
    await page.getByLabel('Why they move').fill('Ready to live more independently');
    await page.getByLabel('Yes', { exact: true }).check();
    await check(page, 'manager-housing-move-desktop');
    await page.getByRole('button', { name: 'Record the move' }).click();
    await page.waitForURL(/saved=moved/);
    expect(await page.locator('#lives-now').textContent()).toContain('3 December 2026');
    const about = await api.infra.store.readByTag('youngPersonId', youngPersonId);
    const moved = about.find((e) => e.type === 'YoungPersonMovedIn')!;
    expect(moved.streamId).toMatch(/^housing-option-/);
    expect(moved.data).toMatchObject({ on: '2026-12-03', planned: true });
    await page.goto(`${api.url}/app/hubs/${hubId}/housing`);
    expect(await page.locator('#options').textContent()).toContain('0 places free of 1');
    await context.close();
  }, 90_000);

  it('lets a manager set a care leaver’s housing plan, record a tenancy concern and resolve it, make their OC3 record, and record an option’s Ofsted registration', async () => {
    // A care leaver whose 18th birthday is today: its OC3 record can be made now.
    const today = new Date().toISOString().slice(0, 10);
    const born = `${Number(today.slice(0, 4)) - 18}${today.slice(4)}`.replace(/-02-29$/, '-02-28');
    const { youngPersonId } = (
      await manager.call('POST', '/api/referrals', {
        hubId,
        category: 'care_leaver',
        youngPerson: { givenName: 'Cal', familyName: 'Generated', dateOfBirth: born },
        socialWorker: { name: 'Sam Social', team: 'North' },
        reason: 'Web test',
      })
    ).body as { youngPersonId: string };
    const { page, context } = await managerWith(youngPersonId);
    await page.goto(`${api.url}/app/young-people/${youngPersonId}/housing`);

    // The plan: a row half filled in is refused, saying which part is missing.
    await page.getByText('Set the plan').click();
    await page.locator('[id="targetMoves.0.to"]').fill('Supported lodgings');
    await page.getByRole('button', { name: 'Save the plan' }).click();
    expect(await page.locator('.govuk-error-summary__list').innerText()).toBe(
      'Enter the date of the first move',
    );
    expect(await page.locator('[id="targetMoves.0.to"]').inputValue()).toBe('Supported lodgings');
    await page.locator('#by-0-day').fill('1');
    await page.locator('#by-0-month').fill('9');
    await page.locator('#by-0-year').fill('2027');
    await page.locator('[id="targetMoves.1.to"]').fill('Own tenancy');
    await page.locator('#by-1-day').fill('1');
    await page.locator('#by-1-month').fill('3');
    await page.locator('#by-1-year').fill('2028');
    await page.getByLabel('Notes (optional)').fill('Wants to stay near college');
    await page.getByRole('button', { name: 'Save the plan' }).click();
    await page.waitForURL(/saved=plan-set/);
    expect(await page.locator('#plan-moves').innerText()).toBe(
      'Supported lodgings, by 1 September 2027\nOwn tenancy, by 1 March 2028',
    );

    // A tenancy, a concern about it, and the concern resolved.
    await page.getByText('Record a tenancy').click();
    await page.getByLabel('The council').check();
    await page.locator('#start-day').fill('1');
    await page.locator('#start-month').fill('11');
    await page.locator('#start-year').fill(today.slice(0, 4));
    await page.getByLabel('Weekly rent').fill('95.50');
    await page.getByLabel('Address').fill('Flat 2, 1 Example Street');
    await page.getByRole('button', { name: 'Record the tenancy' }).click();
    await page.waitForURL(/saved=tenancy-started/);
    expect(await page.locator('#tenancies').innerText()).toContain('The council, £95.50 a week');
    // One tenancy at a time: no second one is offered while this one lasts.
    expect(await page.getByText('Record a tenancy').count()).toBe(0);
    await page.getByText('Record a concern').click();
    await page.getByRole('button', { name: 'Record the concern' }).click();
    expect((await page.locator('.govuk-error-summary__list').innerText()).split('\n')).toEqual([
      'Select what the concern is',
      'Enter the day it was raised',
      'Enter what has happened',
    ]);
    // The form that failed is open again, its boxes named as the summary links to them.
    await page.getByLabel('What is the concern?').selectOption('arrears');
    await page.locator('#on-day').fill('2');
    await page.locator('#on-month').fill('11');
    await page.locator('#on-year').fill(today.slice(0, 4));
    await page.getByLabel('What has happened').fill('Two weeks behind');
    await page.getByLabel('Arrears owed, for rent arrears (optional)').fill('190');
    await check(page, 'manager-tenancy-concern-desktop');
    await page.getByRole('button', { name: 'Record the concern' }).click();
    await page.waitForURL(/saved=concern-recorded/);
    expect(await page.locator('#tenancies').innerText()).toContain('Rent arrears');
    expect(await page.locator('#tenancies').innerText()).toContain('(£190 owed)');
    await page.locator('#tenancies summary', { hasText: 'Resolve' }).click();
    await page.locator('[id^="on-"][id$="-arrears-day"]').fill('3');
    await page.locator('[id^="on-"][id$="-arrears-month"]').fill('11');
    await page.locator('[id^="on-"][id$="-arrears-year"]').fill(today.slice(0, 4));
    await page.getByLabel('How it was resolved').fill('Repayment plan kept');
    await page.getByRole('button', { name: 'Resolve the concern' }).click();
    await page.waitForURL(/saved=concern-resolved/);
    expect(await page.locator('#tenancies').innerText()).not.toContain('Rent arrears');

    // OC3 around the 18th birthday: in touch, with activity and accommodation as words.
    await page.getByText('Record a birthday (OC3)').click();
    await page.getByRole('button', { name: 'Save the record' }).click();
    expect((await page.locator('.govuk-error-summary__list').innerText()).split('\n')).toEqual([
      'Select which birthday the record is for',
      'Select whether you are in touch with them',
    ]);
    await page.getByLabel('18th birthday').check();
    await page.getByLabel('In touch', { exact: true }).check();
    await page.getByLabel('Their main activity').selectOption('F2');
    await page.getByLabel('Where they live, and whether it is suitable').selectOption('U1');
    await check(page, 'manager-oc3-desktop');
    await page.getByRole('button', { name: 'Save the record' }).click();
    await page.waitForURL(/saved=oc3-recorded/);
    expect(await page.locator('#oc3-records').innerText()).toContain(
      'F2: Other education, full time',
    );
    const housing = await api.infra.store.readStream(`housing-${youngPersonId}`);
    expect(housing.map((e) => e.type)).toEqual([
      'AccommodationPlanSet',
      'TenancyStarted',
      'TenancyConcernRecorded',
      'TenancyConcernResolved',
      'CareLeaverRecordMade',
    ]);
    expect(housing[0].data).toMatchObject({
      targetMoves: [
        { to: 'Supported lodgings', by: '2027-09-01' },
        { to: 'Own tenancy', by: '2028-03-01' },
      ],
    });
    expect(housing[4].data).toMatchObject({ age: 18, inTouch: 'YES', activ: 'F2', accom: 'U1' });
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);
    await check(page, 'manager-housing-phone');

    // Supported accommodation registers with Ofsted; the number is recorded on the option.
    const option = await manager.call('POST', `/api/hubs/${hubId}/housing-options`, {
      kind: 'supported_accommodation',
      name: 'Example House',
      capacity: 4,
      ageRange: { min: 16, max: 21 },
    });
    expect(option.status).toBe(201);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${api.url}/app/hubs/${hubId}/housing?after=${option.body.position}`);
    await page.getByText('Record the Ofsted registration').click();
    await page.getByRole('button', { name: 'Record the registration' }).click();
    expect((await page.locator('.govuk-error-summary__list').innerText()).split('\n')).toEqual([
      'Enter the Ofsted registration number',
      'Enter the day it was registered',
    ]);
    await page.locator('#reference').fill('2099999');
    await page.locator('#registeredOn-day').fill('1');
    await page.locator('#registeredOn-month').fill('10');
    await page.locator('#registeredOn-year').fill('2026');
    await page.getByRole('button', { name: 'Record the registration' }).click();
    await page.waitForURL(/saved=ofsted-recorded/);
    expect(await page.locator('#options').innerText()).toContain('Ofsted 2099999');
    await context.close();
  }, 90_000);

  it('lets a manager add a referral, shown the young people it may be about before it is saved', async () => {
    const known = await referral('Cleo');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await signIn(context, 'Mina Manager');
    await page.waitForURL(/\/referrals$/);
    await page.getByRole('button', { name: 'Add a referral' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    expect((await page.locator('.govuk-error-summary__list').innerText()).split('\n')).toEqual([
      'Enter their first name',
      'Enter their last name',
      'Enter their date of birth',
      'Select the kind of referral',
      'Enter the social worker’s name',
      'Enter the social worker’s team',
      'Enter why they are referred',
    ]);
    await check(page, 'manager-referral-errors-desktop');
    const fill = async (given: string) => {
      await page.getByLabel('First name').fill(given);
      await page.getByLabel('Last name').fill('generated');
      await page.getByLabel('Day').fill('2');
      await page.getByLabel('Month').fill('2');
      await page.getByLabel('Year').fill('2010');
      await page.getByLabel('Edge of care', { exact: true }).check();
      await page.getByLabel('Social worker’s name').fill('Sam Social');
      await page.getByLabel('Social worker’s team').fill('North');
      await page.getByLabel('Why they are referred').fill('Family breakdown');
      await page.getByRole('button', { name: 'Continue' }).click();
    };
    // Same date of birth and last name (accents and case aside): asked before anything is saved.
    const head = (await api.infra.store.head()).position;
    await fill('Chloé');
    await page.waitForURL(/\/new-referral\/check$/);
    expect((await api.infra.store.head()).position).toBe(head + 1); // the look, logged; nothing else
    expect(await page.locator('main').textContent()).toContain('Cleo Generated');
    await check(page, 'manager-referral-check-desktop');
    await page.getByRole('button', { name: 'Save the referral' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(
      'Select who the referral is about',
    );
    await page.getByLabel('Someone the hub does not know yet').check();
    await page.getByRole('button', { name: 'Save the referral' }).click();
    await page.waitForURL(/\/app\/young-people\/[0-9a-f-]{36}\?saved=referral-received/);
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain(
      'Referral received',
    );
    expect(await page.locator('h1').textContent()).toContain('Chloé generated');
    const created = page.url().match(/young-people\/([0-9a-f-]{36})/)![1];
    expect(created).not.toBe(known.youngPersonId);

    // The same young person again: added to their case, not a second one.
    await page.goto(`${api.url}/app/hubs/${hubId}/new-referral`);
    await fill('Cleo');
    await page.getByLabel('Cleo Generated').check();
    await page.getByRole('button', { name: 'Save the referral' }).click();
    await page.waitForURL(/saved=referral-added-to-case/);
    expect(page.url()).toContain(known.youngPersonId);
    const events = await api.infra.store.readStream(`young-person-${known.youngPersonId}`);
    expect(events.map((e) => e.type)).toEqual(['ReferralReceived', 'RepeatReferralReceived']);
    expect(events[1].data).toMatchObject({ possibleDuplicate: false, reason: 'Family breakdown' });

    // A referral matched by name and date of birth alone waits on the case for the manager's answer.
    const again = await referral('Cleo');
    expect(again.youngPersonId).toBe(known.youngPersonId);
    await page.goto(`${api.url}/app/young-people/${known.youngPersonId}`);
    await page.getByRole('button', { name: 'Save the answer' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(
      'Select whether the referral is about this young person',
    );
    await check(page, 'manager-case-possible-duplicate-desktop');
    await page.getByLabel('No, someone else: open a case of their own').check();
    await page.getByRole('button', { name: 'Save the answer' }).click();
    await page.waitForURL(/saved=split-from-duplicate/);
    const split = page.url().match(/young-people\/([0-9a-f-]{36})/)![1];
    expect(split).not.toBe(known.youngPersonId);
    const opened = await api.infra.store.readStream(`young-person-${split}`);
    expect(opened[0].data.splitFrom).toMatchObject({ youngPersonId: known.youngPersonId });

    // Their last name was misspelt: corrected with why; only what changed is recorded.
    await page.getByText('Correct the referral details').click();
    await page.getByLabel('Last name').fill('Generatedd');
    await page.getByRole('button', { name: 'Correct the details' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(
      'Enter why the details are corrected',
    );
    await page.getByLabel('Why the details are corrected').fill('Misspelt at referral');
    await page.getByRole('button', { name: 'Correct the details' }).click();
    await page.waitForURL(/saved=corrected/);
    expect(await page.locator('h1').textContent()).toContain('Generatedd');
    const corrected = (await api.infra.store.readStream(`young-person-${split}`)).at(-1)!;
    expect(corrected.type).toBe('ReferralDetailsCorrected');
    expect(corrected.data.changes).toEqual({ familyName: 'Generatedd' });
    await context.close();
  }, 90_000);

  it('lets a manager record an incident, a return home interview and a Reg 40 notification as sent', async () => {
    const { youngPersonId } = await referral('Dara');
    await manager.call('POST', `/api/young-people/${youngPersonId}/accept`);
    const hoursAgo = (n: number) => new Date(Date.now() - n * 3_600_000).toISOString();
    const missing = await manager.call(
      'POST',
      `/api/young-people/${youngPersonId}/missing-episodes`,
      {
        category: 'M',
        startedAt: hoursAgo(30),
        policeInformed: true,
        circumstances: 'Generated episode',
      },
    );
    const back = await manager.call(
      'POST',
      `/api/young-people/${youngPersonId}/missing-episodes/${missing.body.episodeId}/return`,
      { returnedAt: hoursAgo(20), whereFound: 'At home' },
    );
    await api.infra.runner.waitFor(
      api.infra.runner.projections.map((p) => p.name),
      back.body.position,
      5000,
    );
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await signIn(context, 'Mina Manager');
    await page.waitForURL(/\/referrals$/);

    // The incident, from the young person's missing page: refused empty, then recorded.
    await page.goto(`${api.url}/app/young-people/${youngPersonId}/missing`);
    expect(await page.locator('h1').textContent()).toBe('Return home interview');
    await page.getByText('Record an incident').click();
    await page.getByRole('button', { name: 'Record the incident' }).click();
    expect((await page.locator('.govuk-error-summary__list').innerText()).split('\n')).toEqual([
      'Select the kind of incident',
      'Enter what happened',
    ]);
    await page.getByLabel('Police called or involved').check();
    await page.getByLabel('Describe the incident').fill('Police brought Dara home');
    await page.getByLabel('It is serious').check();
    await page.getByRole('button', { name: 'Record the incident' }).click();
    await page.waitForURL(/saved=incident-recorded/);
    // What outreach knows heads the case: the interview due, the notifications owed.
    const flags = (await page.locator('#case-flags').textContent()) ?? '';
    expect(flags).toMatch(/Return interview due by \d{1,2} \w+ \d{4} at \d{2}:\d{2}/);
    expect(flags).toMatch(/Reg 40 notifications? owed/);
    // And the hub's list finds who needs it: "Needs attention", searched like the rest.
    await page.getByRole('link', { name: 'Young people' }).click();
    await page.getByLabel('Needs attention').selectOption('reg40_owed');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/attention=reg40_owed/);
    const rows = page.locator('tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain('Dara Generated');
    expect(await rows.first().textContent()).toMatch(/Reg 40 notifications? owed/);
    await check(page, 'manager-young-people-attention-desktop');
    await page.goto(`${api.url}/app/young-people/${youngPersonId}/missing`);

    // The return home interview: a time not on the 24-hour clock is said on the time box.
    await page.getByLabel('Offered', { exact: true }).check();
    await page.locator('#at-time').fill('25:70');
    await page.getByRole('button', { name: 'Record the interview' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(
      'When: the time must be on the 24-hour clock, like 14:05',
    );
    expect(await page.locator('#at-time').getAttribute('class')).toContain('govuk-input--error');
    await check(page, 'manager-interview-errors-desktop');
    // Now, in UK time, typed as a phone's number pad allows (no colon).
    const [date, time] = ukLocal(new Date().toISOString()).split('T');
    const [year, month, day] = date.split('-');
    await page.getByLabel('Offered', { exact: true }).check();
    await page.locator('#at-day').fill(String(Number(day)));
    await page.locator('#at-month').fill(String(Number(month)));
    await page.locator('#at-year').fill(year);
    await page.locator('#at-time').fill(time.slice(0, 5).replace(':', ''));
    await page.getByRole('button', { name: 'Record the interview' }).click();
    await page.waitForURL(/saved=interview-recorded/);
    const outreach = await api.infra.store.readStream(outreachStreamId(youngPersonId));
    const interview = outreach.find((e) => e.type === 'ReturnInterviewRecorded')!;
    expect(interview.data.outcome).toBe('offered');
    expect(interview.data.at).toMatch(/:00\.000Z$/);
    expect(Math.abs(Date.parse(interview.data.at as string) - Date.now())).toBeLessThan(180_000);
    const incident = outreach.find((e) => e.type === 'IncidentRecorded')!;
    expect(incident.data).toMatchObject({ kind: 'police_involvement', serious: true });

    // Reg 40 on the hub's board: sent to Ofsted, refused without how, then recorded.
    await page.getByRole('link', { name: 'Missing and Reg 40' }).click();
    const ofsted = page
      .locator('#notifications li')
      .filter({ hasText: 'Tell Ofsted' })
      .filter({ hasText: 'Dara' });
    await ofsted.locator('.govuk-details__summary').click();
    await ofsted.getByRole('button', { name: 'Record as sent' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(
      'Enter how it was sent',
    );
    const again = page
      .locator('#notifications li')
      .filter({ hasText: 'Tell Ofsted' })
      .filter({ hasText: 'Dara' });
    expect(await again.locator('details').getAttribute('open')).not.toBeNull();
    await again.getByLabel('How it was sent').fill('Ofsted online form');
    await check(page, 'manager-reg40-desktop');
    await again.getByRole('button', { name: 'Record as sent' }).click();
    await page.waitForURL(/saved=notified/);
    expect(
      await page
        .locator('#notifications li')
        .filter({ hasText: 'Tell Ofsted' })
        .filter({ hasText: 'Dara' })
        .count(),
    ).toBe(0);
    const sent = (await api.infra.store.readStream(outreachStreamId(youngPersonId))).at(-1)!;
    expect(sent.type).toBe('Reg40NotificationSent');
    expect(sent.data).toMatchObject({ recipient: 'ofsted', method: 'Ofsted online form' });
    await context.close();
  }, 90_000);

  it('lets an outreach worker on a 360 px phone log a contact offline, sent once when back online', async () => {
    const { youngPersonId } = await referral('Bo');
    await manager.call('POST', `/api/young-people/${youngPersonId}/accept`);
    const kw = await manager.call('POST', `/api/young-people/${youngPersonId}/key-worker`, {
      workerId: 'ow-web',
      workerName: 'Olu Outreach',
      override: true,
      overrideReason: 'test',
    });
    await api.infra.runner.waitFor(
      api.infra.runner.projections.map((p) => p.name),
      kw.body.position,
      5000,
    );
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await signIn(context, 'Olu Outreach');
    // A worker lands on their day; their caseload is a link away.
    await page.waitForURL(/\/my-day$/);
    await page.goto(`${api.url}/app/caseload`);
    await check(page, 'worker-caseload-with-bo-phone');
    await page.getByRole('link', { name: 'Log a contact with Bo' }).click();
    await check(page, 'worker-contact-form-phone');
    await page.getByLabel('Face to face').check();
    await page.getByLabel('Notes').fill('Met outside college, talked about the course');
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Save contact' }).click();
    await page.locator('#outbox li').first().waitFor();
    expect(await page.locator('#outbox').textContent()).toContain('Waiting to send');
    await page.screenshot({ path: join(SHOTS, 'worker-contact-queued-phone.png'), fullPage: true });
    expect((await api.infra.store.readStream(outreachStreamId(youngPersonId))).length).toBe(0);

    await context.setOffline(false);
    await page.locator('#outbox').waitFor({ state: 'hidden', timeout: 15_000 });
    // A second "online" (a flaky connection) sends nothing more.
    await page.evaluate(() =>
      (globalThis as unknown as EventTarget).dispatchEvent(new Event('online')),
    );
    await page.waitForTimeout(500);
    const stored = await api.infra.store.readStream(outreachStreamId(youngPersonId));
    expect(stored.map((e) => [e.type, e.data.notes])).toEqual([
      ['ContactLogged', 'Met outside college, talked about the course'],
    ]);
    await page.goto(`${api.url}/app/young-people/${youngPersonId}/timeline`);
    expect(await page.locator('.moj-timeline').textContent()).toContain('Met outside college');
    await check(page, 'worker-timeline-phone');

    // Report missing, then record the return, from the phone.
    await page.getByRole('button', { name: 'Missing' }).click();
    await page.getByLabel('Missing', { exact: true }).check();
    await page.getByLabel('Yes').check();
    await page.getByLabel('What happened').fill('Did not come back from college');
    await check(page, 'worker-report-missing-phone');
    await page.getByRole('button', { name: 'Report missing' }).click();
    await page.getByRole('heading', { name: 'Record the return' }).waitFor();
    // While they are missing: what comes in, as it comes in.
    await page.getByText('Add an update').click();
    await page.getByRole('button', { name: 'Add the update' }).click();
    expect(await page.locator('.govuk-error-summary__list').innerText()).toBe('Enter what is new');
    await page.getByLabel('What is new').fill('Seen near the station by a friend');
    await page.getByLabel('Police reference (optional)').fill('NYP-2026-0042');
    await page.getByRole('button', { name: 'Add the update' }).click();
    await page.waitForURL(/saved=update-recorded/);
    expect(await page.locator('#missing-updates').textContent()).toContain(
      'Seen near the station by a friend',
    );
    await page.getByLabel('Where were they found?').fill('At a friend’s flat');
    await check(page, 'worker-record-return-phone');
    await page.getByRole('button', { name: 'Record the return' }).click();
    await page.getByRole('heading', { name: 'Report missing' }).waitFor();
    const outreach = await api.infra.store.readStream(outreachStreamId(youngPersonId));
    expect(outreach.map((e) => e.type)).toEqual([
      'ContactLogged',
      'MissingEpisodeReported',
      'MissingEpisodeUpdated',
      'YoungPersonReturned',
    ]);
    // A page the role cannot use says so in plain words, and keeps the navigation.
    const refused = await page.goto(`${api.url}/app/hubs/${hubId}/staff`);
    expect(refused?.status()).toBe(403);
    expect(await page.locator('h1').textContent()).toBe('You cannot do this');
    expect(await page.locator('main').textContent()).not.toMatch(/staff:|permission/);
    expect(
      await page.locator('.govuk-service-navigation a', { hasText: 'My caseload' }).count(),
    ).toBe(1);
    await check(page, 'worker-refused-phone');
    await context.close();
  }, 90_000);

  it('keeps a form being filled in through an expired sign-in, and sends it once after signing in again', async () => {
    const { youngPersonId } = await referral('Dee');
    await manager.call('POST', `/api/young-people/${youngPersonId}/accept`);
    const kw = await manager.call('POST', `/api/young-people/${youngPersonId}/key-worker`, {
      workerId: 'ow-web',
      workerName: 'Olu Outreach',
      override: true,
      overrideReason: 'test',
    });
    await api.infra.runner.waitFor(
      api.infra.runner.projections.map((p) => p.name),
      kw.body.position,
      5000,
    );
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await signIn(context, 'Olu Outreach');
    await page.goto(`${api.url}/app/young-people/${youngPersonId}/contacts/new`);
    await page.getByLabel('Phone').check();
    await page.getByLabel('Notes').fill('Long call about housing, written slowly');
    await context.clearCookies(); // the sign-in expires while the form is open
    await page.getByRole('button', { name: 'Save contact' }).click();
    await page.waitForURL(/\/app\/sign-in/);
    await page.getByLabel('Olu Outreach').check();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/contacts\/new$/);
    expect(await page.getByLabel('Notes').inputValue()).toBe(
      'Long call about housing, written slowly',
    );
    expect(await page.locator('#restored-note').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Save contact' }).click();
    await page.waitForURL(/\/timeline/);
    const stored = await api.infra.store.readStream(outreachStreamId(youngPersonId));
    expect(stored.map((e) => [e.type, e.data.kind, e.data.notes])).toEqual([
      ['ContactLogged', 'phone', 'Long call about housing, written slowly'],
    ]);
    await context.close();
  }, 90_000);

  it('lets an auditor move the as-of control and see the case as it was known then', async () => {
    const { youngPersonId } = await referral('Cam');
    await manager.call('POST', `/api/young-people/${youngPersonId}/accept`);
    await manager.call('POST', `/api/young-people/${youngPersonId}/key-worker`, {
      workerId: 'kw-first',
      workerName: 'First Worker',
    });
    await new Promise((r) => setTimeout(r, 2100));
    await manager.call('POST', `/api/young-people/${youngPersonId}/key-worker`, {
      workerId: 'kw-second',
      workerName: 'Second Worker',
      reason: 'Moved team',
    });
    const [, , first] = await api.infra.store.readStream(`young-person-${youngPersonId}`);
    const between = ukLocal(new Date(Date.parse(first.recordedAt) + 1000).toISOString());

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await signIn(context, 'Ada Auditor');
    await page.waitForURL(/\/audit$/);
    await check(page, 'auditor-audit-desktop');
    // On a phone the access log and the refused attempts scroll in their own boxes.
    await page.setViewportSize({ width: 360, height: 740 });
    await check(page, 'auditor-audit-phone');
    const pageWidth = await page.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } })
          .document.documentElement.scrollWidth,
    );
    expect(pageWidth).toBeLessThanOrEqual(360);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${api.url}/app/young-people/${youngPersonId}/chronology`);
    await check(page, 'auditor-reason-desktop');
    await page.getByLabel('Reason').fill('Annual audit of case records');
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await page.locator('#as-of-key-worker').textContent()).toBe('Second Worker');
    await check(page, 'auditor-chronology-now-desktop');
    const [day, time] = between.split('T');
    const [y, m, d] = day.split('-');
    await page.locator('#asOf-day').fill(String(Number(d)));
    await page.locator('#asOf-month').fill(String(Number(m)));
    await page.locator('#asOf-year').fill(y);
    await page.locator('#asOf-time').fill(time);
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/asOf-day=/);
    expect(await page.locator('#as-of-key-worker').textContent()).toBe('First Worker');
    await check(page, 'auditor-chronology-as-of-desktop');
    // The field history follows the same "as known at": the second worker was not known yet.
    await page.getByRole('link', { name: 'Field history' }).click();
    expect(await page.locator('table').textContent()).toContain('First Worker');
    expect(await page.locator('table').textContent()).not.toContain('Second Worker');
    await page.goto(`${api.url}/app/young-people/${youngPersonId}/field-history`);
    expect(await page.locator('table').textContent()).toContain('Second Worker');
    await check(page, 'auditor-field-history-desktop');
    // The reason given once is kept for the visit: the record opens without asking again.
    await page.goto(`${api.url}/app/young-people/${youngPersonId}/record`);
    expect(await page.locator('h1').textContent()).toBe('Record of Cam Generated');
    await check(page, 'auditor-record-desktop');
    await context.close();
  }, 90_000);

  it('has no WCAG 2.2 A or AA violations on any page visited', () => {
    expect(axeFailures).toEqual([]);
  });

  it('breaks no rule of the Content-Security-Policy on any page visited', () => {
    expect(cspViolations).toEqual([]);
  });
});
