import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describeInBrowser, launchChromium, PageChecks, SHOTS } from './support/browser.js';
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

  it('lets a manager accept a referral and allocate a key worker', async () => {
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
    await page.getByRole('link', { name: 'Alex Generated' }).click();
    await check(page, 'manager-case-referred-desktop');
    await page.getByRole('button', { name: 'Accept the referral' }).click();
    expect(await page.locator('#case-status').textContent()).toBe('Open');
    await page.getByLabel('Or another worker’s id').fill('ow-web');
    await page.getByLabel('Their name').fill('Olu Outreach');
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
    await page.waitForURL(/\/caseload$/);
    await check(page, 'worker-caseload-phone');
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
    await page.getByLabel('Where were they found?').fill('At a friend’s flat');
    await check(page, 'worker-record-return-phone');
    await page.getByRole('button', { name: 'Record the return' }).click();
    await page.getByRole('heading', { name: 'Report missing' }).waitFor();
    const outreach = await api.infra.store.readStream(outreachStreamId(youngPersonId));
    expect(outreach.map((e) => e.type)).toEqual([
      'ContactLogged',
      'MissingEpisodeReported',
      'YoungPersonReturned',
    ]);
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
    await page.getByLabel('Show the case as it was known at (UK time)').fill(between);
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/asOf=/);
    expect(await page.locator('#as-of-key-worker').textContent()).toBe('First Worker');
    await check(page, 'auditor-chronology-as-of-desktop');
    await page.getByRole('link', { name: 'Field history' }).click();
    expect(await page.locator('table').textContent()).toContain('Second Worker');
    await check(page, 'auditor-field-history-desktop');
    await page.goto(`${api.url}/app/young-people/${youngPersonId}/record?reason=audit`);
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
