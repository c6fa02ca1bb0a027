import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { registerDemoUsers } from '../src/web/index.js';
import {
  describeInBrowser,
  DESKTOP,
  launchChromium,
  PageChecks,
  pageWidth,
  PHONE,
  SHOTS,
} from './support/browser.js';
import { startTestApi, type Caller, type TestApi } from './support/test-api.js';

// Generated young people: no real person. 26 open cases (two pages), one declined.
const GIVEN = [
  'Ada',
  'Ben',
  'Cai',
  'Dee',
  'Eli',
  'Fay',
  'Gus',
  'Hal',
  'Ivy',
  'Jo',
  'Kit',
  'Lu',
  'Max',
];

describeInBrowser()('finding the hub’s young people, in Chromium on PostgreSQL', () => {
  let api: TestApi;
  let browser: Browser;
  let hubId: string;
  let manager: Caller;
  let zoe: string;
  let declined: string;
  const checks = new PageChecks();
  const list = (query = '') => `${api.url}/app/hubs/${hubId}/young-people${query}`;

  beforeAll(async () => {
    api = await startTestApi('postgres');
    hubId = await api.openHub('List Hub');
    manager = api.as({
      id: 'mgr-list',
      name: 'Lee Manager',
      roles: ['hub_manager'],
      hubs: [hubId],
    });
    await registerDemoUsers(api.infra.store, [
      { id: 'mgr-list', name: 'Lee Manager', roles: ['hub_manager'], hubs: [hubId] },
    ]);
    const refer = async (givenName: string, familyName: string, dateOfBirth: string) =>
      (
        await manager.call('POST', '/api/referrals', {
          hubId,
          category: 'edge_of_care',
          youngPerson: { givenName, familyName, dateOfBirth },
          socialWorker: { name: 'Sam Social', team: 'North' },
          reason: 'List test',
        })
      ).body.youngPersonId as string;
    zoe = await refer('Zoë', 'Núñez', '2009-05-14');
    await manager.call('POST', `/api/young-people/${zoe}/accept`);
    // 25 more open cases, referred and accepted at once (each its own stream).
    await Promise.all(
      Array.from({ length: 25 }, async (_, i) => {
        const id = await refer(
          GIVEN[i % GIVEN.length],
          `Generated${String(i).padStart(2, '0')}`,
          `2010-01-${String(i + 1).padStart(2, '0')}`,
        );
        await manager.call('POST', `/api/young-people/${id}/accept`);
      }),
    );
    // Work for the tray: a referral to screen, an incident to notify Ofsted and the placing
    // authority of, a return home interview due, and a stay past the hub's threshold.
    await refer('Rory', 'Screening', '2011-07-07');
    const worker = api.as({
      id: 'ow-list',
      name: 'Ola Worker',
      roles: ['outreach_worker'],
      hubs: [hubId],
    });
    const hoursAgo = (n: number) => new Date(Date.now() - n * 3_600_000).toISOString();
    await worker.call('POST', `/api/young-people/${zoe}/incidents`, {
      kind: 'serious_incident',
      occurredAt: hoursAgo(3),
      summary: 'Generated incident for the tray',
    });
    const missing = await worker.call('POST', `/api/young-people/${zoe}/missing-episodes`, {
      category: 'M',
      startedAt: hoursAgo(30),
      policeInformed: false,
      circumstances: 'Generated episode',
    });
    await worker.call(
      'POST',
      `/api/young-people/${zoe}/missing-episodes/${missing.body.episodeId}/return`,
      {
        returnedAt: hoursAgo(20),
        whereFound: 'At home',
      },
    );
    await manager.call('PUT', `/api/hubs/${hubId}/stay-threshold`, { weeks: 1 });
    await manager.call('POST', `/api/hubs/${hubId}/admissions`, {
      youngPersonId: zoe,
      from: new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10),
      plannedEnd: null,
      episode: {
        rne: 'S',
        ls: 'C2',
        place: 'K2',
        placeProvider: 'PR1',
        postcode: 'yo11 1aa',
        outOfArea: false,
      },
    });
    declined = await refer('Declan', 'Elsewhere', '2008-03-03');
    const last = await manager.call('POST', `/api/young-people/${declined}/decline`, {
      reason: 'Lives in another council',
    });
    await api.infra.runner.waitFor(
      api.infra.runner.projections.map((p) => p.name),
      last.body.position,
      10_000,
    );
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('sends the bare address to the pages', async () => {
    const r = await fetch(`${api.url}/`, { redirect: 'manual' });
    expect([r.status, r.headers.get('location')]).toEqual([303, '/app']);
  });

  it('lists open cases in pages of 25 with the total, every tab counted, declined ones findable', async () => {
    const context = await browser.newContext(DESKTOP);
    const page = await checks.signIn(context, api.url, 'Lee Manager');
    await page.getByRole('link', { name: 'Young people' }).click();
    await page.waitForURL(/\/young-people$/);
    expect(await page.locator('#showing').textContent()).toBe('Showing 1 to 25 of 26 young people');
    const tabs = await page.locator('.moj-sub-navigation__link').allTextContents();
    expect(tabs.map((t) => t.trim())).toEqual([
      'Referred (1)',
      'Open (26)',
      'Stepped away (0)',
      'Closed (0)',
      'Declined (1)',
    ]);
    expect(await page.locator('tbody tr').count()).toBe(25);
    expect(await page.locator('tbody').textContent()).toContain('No key worker');
    await checks.check(page, 'manager-young-people-desktop');

    await page.getByRole('link', { name: 'Next' }).click();
    expect(await page.locator('#showing').textContent()).toBe(
      'Showing 26 to 26 of 26 young people',
    );
    expect(await page.locator('tbody tr').count()).toBe(1);

    await page.getByRole('link', { name: 'Declined (1)' }).click();
    await page.getByRole('link', { name: 'Declan Elsewhere' }).waitFor();
    expect(await page.locator('#showing').textContent()).toBe('Showing 1 to 1 of 1 young person');
    await checks.check(page, 'manager-young-people-declined-desktop');
    await context.close();
  }, 60_000);

  it('finds a young person by part of a name, whatever the case and accents, and by date of birth', async () => {
    const context = await browser.newContext(DESKTOP);
    const page = await checks.signIn(context, api.url, 'Lee Manager');
    await page.goto(list());
    await page.getByLabel('Name, or part of it').fill('ZOE nun');
    await page.getByRole('button', { name: 'Search' }).click();
    expect(await page.locator('#showing').textContent()).toBe('Showing 1 to 1 of 1 young person');
    await page.getByRole('link', { name: 'Zoë Núñez' }).waitFor();
    expect(await page.locator('tbody').textContent()).toContain('14 May 2009');
    await checks.check(page, 'manager-young-people-search-desktop');

    await page.getByRole('link', { name: 'Clear the search' }).click();
    await page.getByLabel('Day').fill('3');
    await page.getByLabel('Month').fill('3');
    await page.getByLabel('Year').fill('2008');
    await page.getByRole('button', { name: 'Search' }).click();
    expect(await page.locator('.moj-sub-navigation').textContent()).toContain('Declined (1)');
    expect(await page.locator('.moj-sub-navigation').textContent()).toContain('Open (0)');
    await context.close();
  }, 60_000);

  it('says how to fix a date of birth that is not a real date, on the field and in the summary', async () => {
    const context = await browser.newContext(DESKTOP);
    const page = await checks.signIn(context, api.url, 'Lee Manager');
    const response = await page.goto(list('?born-day=31&born-month=2&born-year=2010'));
    expect(response?.status()).toBe(400);
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(
      'Date of birth must be a real date, like 14 5 2008',
    );
    expect(await page.locator('#born-error').textContent()).toContain('must be a real date');
    await checks.check(page, 'manager-young-people-error-desktop');
    await context.close();
  }, 60_000);

  it('sorts by a column from its header, and says which way', async () => {
    const context = await browser.newContext(DESKTOP);
    const page = await checks.signIn(context, api.url, 'Lee Manager');
    await page.goto(list());
    await page.getByRole('link', { name: 'Date of birth' }).click();
    expect(await page.locator('th[aria-sort="ascending"]').textContent()).toContain(
      'Date of birth',
    );
    expect(await page.locator('tbody tr').first().textContent()).toContain('Zoë Núñez');
    await page.getByRole('link', { name: 'Date of birth' }).click();
    expect(await page.locator('th[aria-sort="descending"]').textContent()).toContain(
      'Date of birth',
    );
    expect(await page.locator('tbody tr').first().textContent()).toContain('Generated24');
    await context.close();
  }, 60_000);

  it('reads on a 360 px phone without sideways scrolling, and logs one look naming who was shown', async () => {
    const context = await browser.newContext(PHONE);
    const page = await checks.signIn(context, api.url, 'Lee Manager');
    await page.goto(list('?name=zoe'));
    await page.getByRole('link', { name: 'Zoë Núñez' }).waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);
    await checks.check(page, 'manager-young-people-phone');
    await context.close();
    const looks = (await api.infra.store.readStream('access-log-mgr-list'))
      .map((e) => e.data as { view: string; youngPersonIds: string[]; path: string })
      .filter((d) => d.view === 'young people list page' && d.path.includes('name=zoe'));
    expect(looks.map((d) => d.youngPersonIds)).toEqual([[zoe]]);
  }, 60_000);

  it('gathers the manager’s work from every capability into one tray, counted in the navigation', async () => {
    const context = await browser.newContext(DESKTOP);
    const page = await checks.signIn(context, api.url, 'Lee Manager');
    await page.getByRole('link', { name: 'Work to do (31)' }).click();
    const heading = (key: string) => page.locator(`#tray-${key}`).textContent();
    expect(await heading('referrals')).toBe('Referrals to screen (1)');
    expect(await heading('no-key-worker')).toBe('Open cases without a key worker (26)');
    expect(await heading('notifications')).toBe('Reg 40 notifications owed (2)');
    expect(await heading('return-interviews')).toBe(
      'Return home interviews due this week or overdue (1)',
    );
    expect(await heading('long-stays')).toBe('Stays past the hub’s 1 week (1)');
    expect(await page.locator('#tray-summary').textContent()).toBe('31 things need doing.');
    expect(await page.locator('#section-notifications').textContent()).toContain(
      'Tell Ofsted about the serious incident of',
    );
    expect(await page.locator('#section-long-stays').textContent()).toContain(
      '10 days, 3 days past the threshold',
    );
    await page.getByRole('link', { name: 'All 26' }).waitFor();
    await checks.check(page, 'manager-work-tray-desktop');
    await page.setViewportSize(PHONE.viewport);
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);
    await checks.check(page, 'manager-work-tray-phone');
    await context.close();
  }, 60_000);

  it('says on an empty form, in the summary and on the field, what to enter, in plain words', async () => {
    const context = await browser.newContext(DESKTOP);
    const page = await checks.signIn(context, api.url, 'Lee Manager');
    await page.goto(list('?status=referred'));
    await page.getByRole('link', { name: 'Rory Screening' }).click();
    await page.getByRole('button', { name: 'Decline the referral' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.locator('.govuk-error-summary__list').textContent()).toContain(
      'Enter a reason for declining the referral',
    );
    expect(await page.locator('#reason-error').textContent()).toContain(
      'Enter a reason for declining the referral',
    );
    await checks.check(page, 'manager-case-decline-error-desktop');

    // With scripts (the phone's offline-capable form), a refusal while online comes back as the
    // page's own GOV.UK errors, as without them; nothing waits in the outbox.
    await page.goto(`${api.url}/app/young-people/${zoe}/contacts/new`);
    await page.getByRole('button', { name: 'Save contact' }).click();
    await page.locator('.govuk-error-summary', { hasText: 'Select the kind of contact' }).waitFor();
    expect(await page.locator('#outbox').isHidden()).toBe(true);
    await context.close();

    // Without scripts, the page comes back with the GOV.UK error summary and the field's message.
    const plain = await browser.newContext({ ...DESKTOP, javaScriptEnabled: false });
    const noScript = await plain.newPage();
    await noScript.goto(`${api.url}/app`);
    await noScript.getByLabel('Lee Manager').check();
    await noScript.getByRole('button', { name: 'Sign in' }).click();
    await noScript.goto(`${api.url}/app/young-people/${zoe}/contacts/new`);
    await noScript.getByRole('button', { name: 'Save contact' }).click();
    await noScript.locator('.govuk-error-summary').waitFor();
    const summary = await noScript.locator('.govuk-error-summary__list').textContent();
    expect(summary).toContain('Select the kind of contact');
    expect(summary).not.toMatch(/must be one of|kind must|should not/);
    expect(await noScript.locator('#kind-error').textContent()).toContain(
      'Select the kind of contact',
    );
    await noScript.screenshot({ path: join(SHOTS, 'contact-form-error-no-script-desktop.png') });
    await plain.close();
  }, 60_000);

  it('adds someone to the team around a young person, and ends their time, from the case', async () => {
    // The hub's own people are chosen from its staff list.
    const added = await manager.call('POST', `/api/hubs/${hubId}/staff`, {
      name: 'Kit Keyworker',
      role: 'key_worker',
      signIn: 'kw-list',
      from: '2026-01-05',
    });
    expect(added.status).toBe(201);
    const context = await browser.newContext(DESKTOP);
    const page = await checks.signIn(context, api.url, 'Lee Manager');
    await page.goto(`${api.url}/app/young-people/${zoe}?after=${added.body.position}`);
    await page.getByRole('link', { name: 'Team' }).click();
    await page.getByRole('button', { name: 'Add to the team' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.locator('.govuk-error-summary__list').allTextContents()).toEqual([
      expect.stringMatching(
        /Select their role in the team\s*Select who joins the team\s*Enter the date they join the team/,
      ),
    ]);
    await checks.check(page, 'manager-team-errors-desktop');

    const joinedOn = async (day: string) => {
      const joined = page.getByRole('group', { name: 'When they join' });
      await joined.getByLabel('Day').fill(day);
      await joined.getByLabel('Month').fill('4');
      await joined.getByLabel('Year').fill('2026');
    };
    await page.getByLabel('Portfolio lead: safety').check();
    await page.getByLabel('Kit Keyworker').check();
    await joinedOn('2');
    await page.getByRole('button', { name: 'Add to the team' }).click();
    await page.locator('.govuk-notification-banner', { hasText: 'Added to the team' }).waitFor();
    expect(await page.locator('#team-now').textContent()).toContain('Kit Keyworker');

    // Someone from outside the hub is named by hand: without a name, the name is asked for.
    await page.getByLabel('Life coach').check();
    await page.getByRole('radio', { name: 'Someone else' }).check();
    await joinedOn('1');
    await page.getByRole('button', { name: 'Add to the team' }).click();
    expect(await page.locator('.govuk-error-summary__list').innerText()).toBe('Enter their name');
    await page.getByLabel('If someone else: their name').fill('Lou Coach');
    await page.getByRole('button', { name: 'Add to the team' }).click();
    await page.locator('.govuk-notification-banner', { hasText: 'Added to the team' }).waitFor();
    expect(await page.locator('#team-now').textContent()).toContain(
      'Life coach, since 1 April 2026',
    );
    await checks.check(page, 'manager-team-desktop');

    await page.getByText('End Lou Coach’s time in the team').click();
    const ending = page.locator('details', { hasText: 'End Lou Coach’s time in the team' });
    const left = ending.getByRole('group', { name: 'When they leave' });
    await left.getByLabel('Day').fill('30');
    await left.getByLabel('Month').fill('6');
    await left.getByLabel('Year').fill('2026');
    await ending.getByLabel('Why they leave').fill('Goals met');
    await ending.getByRole('button', { name: 'End their time in the team' }).click();
    await page.locator('.govuk-notification-banner', { hasText: 'stays in the history' }).waitFor();
    expect(await page.locator('#team-before').textContent()).toContain(
      'Life coach, 1 April 2026 to 30 June 2026: Goals met',
    );
    const events = await api.infra.store.readStream(`young-person-${zoe}`);
    const team = events.filter((e) => e.type.startsWith('TeamMember'));
    expect(team.map((e) => [e.type, e.data.name ?? null, e.data.organisation ?? null])).toEqual([
      ['TeamMemberAdded', 'Kit Keyworker', null],
      ['TeamMemberAdded', 'Lou Coach', null],
      ['TeamMemberEnded', null, null],
    ]);
    await page.setViewportSize(PHONE.viewport);
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);
    await checks.check(page, 'manager-team-phone');
    await context.close();
  }, 60_000);

  it('records a plan review and sets a goal, from the case', async () => {
    const context = await browser.newContext(DESKTOP);
    const page = await checks.signIn(context, api.url, 'Lee Manager');
    await page.goto(`${api.url}/app/young-people/${zoe}`);
    await page.getByRole('link', { name: 'Plan' }).click();
    await page.getByRole('button', { name: 'Record the review' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.locator('.govuk-error-summary__list').textContent()).toMatch(
      /Select which plan was reviewed\s*Enter the date of the review\s*Enter what the review found/,
    );
    await page.getByLabel('Support plan').check();
    const on = page.getByRole('group', { name: 'When it was reviewed' });
    await on.getByLabel('Day').fill('2');
    await on.getByLabel('Month').fill('12');
    await on.getByLabel('Year').fill('2026');
    await page.getByLabel('What the review found').fill('Settled at college; keep weekly contact');
    await page.getByRole('button', { name: 'Record the review' }).click();
    await page.locator('.govuk-notification-banner', { hasText: 'Review recorded' }).waitFor();
    expect(await page.locator('#reviews').textContent()).toContain(
      'Support plan review, 2 December 2026',
    );

    await page.getByText('Set a goal').click();
    await page.getByLabel('Education and training').check();
    await page.getByLabel('The goal').fill('Finish the first year of the course');
    const by = page.getByRole('group', { name: 'Reach it by' });
    await by.getByLabel('Day').fill('1');
    await by.getByLabel('Month').fill('7');
    await by.getByLabel('Year').fill('2027');
    await page.getByRole('button', { name: 'Set the goal' }).click();
    await page.locator('.govuk-notification-banner', { hasText: 'Goal set' }).waitFor();
    expect(await page.locator('#goals').textContent()).toContain(
      'Education and training · by 1 July 2027 · Not started',
    );
    await checks.check(page, 'manager-plan-desktop');
    const types = (await api.infra.store.readStream(`young-person-${zoe}`)).map((e) => e.type);
    expect(types.filter((t) => t === 'PlanReviewed' || t === 'GoalSet')).toEqual([
      'PlanReviewed',
      'GoalSet',
    ]);
    await context.close();
  }, 60_000);

  it('records a screening note on a referral, steps away from a case and reopens it', async () => {
    const context = await browser.newContext(DESKTOP);
    const page = await checks.signIn(context, api.url, 'Lee Manager');
    await page.goto(list('?status=referred'));
    await page.getByRole('link', { name: 'Rory Screening' }).click();
    await page
      .getByLabel('Add a screening note')
      .fill('Spoke to the social worker; family open to support');
    await page.getByRole('button', { name: 'Record the note' }).click();
    await page
      .locator('.govuk-notification-banner', { hasText: 'Screening note recorded' })
      .waitFor();
    expect(await page.locator('#screening-notes').textContent()).toContain(
      'family open to support',
    );
    await checks.check(page, 'manager-case-screening-desktop');

    await page.goto(`${api.url}/app/young-people/${zoe}`);
    await page.getByText('Step away from the case').click();
    await page.getByRole('button', { name: 'Step away' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.locator('.govuk-error-summary__list').textContent()).toMatch(
      /Enter the date the hub steps away\s*Enter why the hub steps away/,
    );
    await page.getByText('Step away from the case').click();
    const from = page.getByRole('group', { name: 'From when' });
    await from.getByLabel('Day').fill('1');
    await from.getByLabel('Month').fill('12');
    await from.getByLabel('Year').fill('2026');
    await page.getByLabel('Why the hub steps away').fill('Settled at college');
    await page.getByRole('button', { name: 'Step away' }).click();
    await page.locator('.govuk-notification-banner', { hasText: 'stepped away' }).waitFor();
    expect(await page.locator('#case-status').textContent()).toBe('Stepped away');
    expect(await page.locator('#stepped-away').textContent()).toContain(
      '1 December 2026: Settled at college',
    );
    await page.getByLabel('Why the case reopens').fill('College place at risk');
    await page.getByRole('button', { name: 'Reopen the case' }).click();
    await page.locator('.govuk-notification-banner', { hasText: 'Case reopened' }).waitFor();
    expect(await page.locator('#case-status').textContent()).toBe('Open');
    const types = (await api.infra.store.readStream(`young-person-${zoe}`)).map((e) => e.type);
    expect(types.slice(-2)).toEqual(['CaseSteppedAway', 'CaseReopened']);
    await checks.check(page, 'manager-case-reopened-desktop');
    await context.close();
  }, 60_000);

  it('has no WCAG 2.2 A or AA violations, and breaks no rule of the CSP, on any page visited', () => {
    expect(checks.axeFailures).toEqual([]);
    expect(checks.cspViolations).toEqual([]);
  });
});
