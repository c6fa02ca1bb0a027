import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  describeInBrowser,
  launchChromium,
  PageChecks,
  pageWidth,
  PHONE,
} from './support/browser.js';
import { ukDayOf } from '#kernel';
import { outreachStreamId } from '../src/outreach/index.js';
import { registerDemoUsers } from '../src/web/index.js';
import { startTestApi, type Caller, type TestApi } from './support/test-api.js';

/**
 * The worker's phone, offline: pages kept by the service worker, the outbox (each contact its
 * own item, a refused one kept with the server's message), sending once, and sign-out leaving
 * nothing personal behind.
 */
describeInBrowser()('the worker’s phone offline, in Chromium on PostgreSQL', () => {
  let api: TestApi;
  let browser: Browser;
  let hubId: string;
  let manager: Caller;
  const ids: Record<string, string> = {};
  const checks = new PageChecks();

  beforeAll(async () => {
    api = await startTestApi('postgres');
    hubId = await api.openHub('Offline Hub');
    manager = api.as({ id: 'mgr-off', name: 'Mo Manager', roles: ['hub_manager'], hubs: [hubId] });
    await registerDemoUsers(api.infra.store, [
      { id: 'kw-off', name: 'Kai Keyworker', roles: ['key_worker'], hubs: [hubId] },
    ]);
    let last = 0;
    for (const given of ['Ana', 'Ben', 'Cy', 'Dee']) {
      const referred = await manager.call('POST', '/api/referrals', {
        hubId,
        category: 'edge_of_care',
        youngPerson: { givenName: given, familyName: 'Offline', dateOfBirth: '2010-03-03' },
        socialWorker: { name: 'Sam Social', team: 'North' },
        reason: 'Offline test',
      });
      ids[given] = referred.body.youngPersonId;
      await manager.call('POST', `/api/young-people/${ids[given]}/accept`);
      const kw = await manager.call('POST', `/api/young-people/${ids[given]}/key-worker`, {
        workerId: 'kw-off',
        workerName: 'Kai Keyworker',
        override: true,
        overrideReason: 'test',
      });
      last = kw.body.position;
    }
    await api.infra.runner.waitFor(
      api.infra.runner.projections.map((p) => p.name),
      last,
      5000,
    );
    // Dee: last seen 8 days ago, and back from missing yesterday (a return interview is due).
    const hoursAgo = (n: number) => new Date(Date.now() - n * 3_600_000).toISOString();
    // "8 days ago" counts UK calendar days: noon on the UK day eight days back, at any hour of
    // the run (8 days and 2 hours before 01:00 falls on the day before, 9 days ago).
    const eightDaysAgo = `${ukDayOf(hoursAgo(8 * 24))}T12:00:00Z`;
    await manager.call('POST', `/api/young-people/${ids.Dee}/contacts`, {
      occurredAt: eightDaysAgo,
      kind: 'phone',
      notes: 'Dee: rang, no news',
    });
    const away = await manager.call('POST', `/api/young-people/${ids.Dee}/missing-episodes`, {
      category: 'M',
      startedAt: hoursAgo(30),
      policeInformed: true,
      circumstances: 'Generated episode',
    });
    const back = await manager.call(
      'POST',
      `/api/young-people/${ids.Dee}/missing-episodes/${away.body.episodeId}/return`,
      { returnedAt: hoursAgo(20), whereFound: 'At home' },
    );
    last = back.body.position;
    await api.infra.runner.waitFor(
      api.infra.runner.projections.map((p) => p.name),
      last,
      5000,
    );
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  const contacts = async (given: string) =>
    (await api.infra.store.readStream(outreachStreamId(ids[given])))
      .filter((e) => e.type === 'ContactLogged')
      .map((e) => e.data.notes);
  /** The pages the service worker has kept (their paths). */
  const kept = (page: Page) =>
    page.evaluate(async () => {
      const c = globalThis as unknown as {
        caches: {
          keys(): Promise<string[]>;
          open(n: string): Promise<{ keys(): Promise<{ url: string }[]> }>;
        };
      };
      const paths: string[] = [];
      for (const name of await c.caches.keys())
        if (name.startsWith('nwd-pages'))
          for (const r of await (await c.caches.open(name)).keys())
            paths.push(new URL(r.url).pathname);
      return paths;
    });
  async function logContact(page: Page, kind: string | null, notes: string) {
    if (kind) await page.getByLabel(kind).check();
    await page.getByLabel('Notes').fill(notes);
    // The same form twice leaves the same words in the status, so wait for the list to grow.
    const before = await page.locator('#outbox li').count();
    await page.getByRole('button', { name: 'Save contact' }).click();
    // One more item than before (a locator's wait: no script evaluated under the page's CSP).
    await page.locator('#outbox li').nth(before).waitFor();
    await page.locator('#send-status', { hasText: 'No connection' }).waitFor();
  }

  let context: BrowserContext;
  let page: Page;

  it('records a whole contact from the phone (who was there, what it touched, a follow-up), and the worker’s day shows what is due', async () => {
    const phone = await browser.newContext(PHONE);
    const p = await checks.signIn(phone, api.url, 'Kai Keyworker');
    await p.waitForURL(/\/my-day$/);
    await p.goto(`${api.url}/app/young-people/${ids.Cy}/contacts/new`);
    await p.getByLabel('Face to face').check();
    await p.getByText('Who else was there (optional)').click();
    await p.locator('[id="present.0.name"]').fill('Pat Parent');
    await p.locator('[id="present.0.relationship"]').fill('mum');
    await p.locator('[id="present.1.name"]').fill('Sol Worker');
    await p.getByLabel('Housing').check();
    await p.getByLabel('Money').check();
    await p.getByLabel('Notes').fill('Cy: talked about the flat');
    await p.getByText('Follow-ups (optional)').click();
    await p.locator('[id="followUps.0.action"]').fill('Ring the housing officer');
    const [y, m, d] = new Date()
      .toLocaleDateString('sv-SE', { timeZone: 'Europe/London' })
      .split('-');
    await p.locator('#due-0-day').fill(String(Number(d)));
    await p.locator('#due-0-month').fill(String(Number(m)));
    await p.locator('#due-0-year').fill(y);
    await p.getByRole('button', { name: 'Save contact' }).click();
    // Half a row: the box left empty says so, and the rest comes back as it was.
    expect(await p.locator('.govuk-error-summary__list').innerText()).toBe(
      'Enter who the second person is to them',
    );
    expect(await p.getByLabel('Housing').isChecked()).toBe(true);
    await p.locator('[id="present.1.relationship"]').fill('youth worker');
    await p.locator('#present-1-professional').check();
    await checks.check(p, 'worker-contact-whole-phone');
    expect(await pageWidth(p)).toBeLessThanOrEqual(360);
    await p.getByRole('button', { name: 'Save contact' }).click();
    await p.waitForURL(/\/timeline/);
    const timeline = await p.locator('.moj-timeline').innerText();
    expect(timeline).toContain('With Pat Parent (mum), Sol Worker (youth worker)');
    expect(timeline).toContain('Touched: Housing, Money');
    expect(timeline).toContain('Follow-up: Ring the housing officer');
    const logged = (await api.infra.store.readStream(outreachStreamId(ids.Cy))).find(
      (e) => e.type === 'ContactLogged',
    )!;
    expect(logged.data).toMatchObject({
      kind: 'face_to_face',
      present: [
        { name: 'Pat Parent', relationship: 'mum', thirdParty: true },
        { name: 'Sol Worker', relationship: 'youth worker', thirdParty: false },
      ],
      portfolioAreas: ['housing', 'money'],
      followUps: [{ action: 'Ring the housing officer', due: `${y}-${m}-${d}` }],
    });

    // The timeline filters by kind and by what a contact touched.
    await p.getByLabel('What it touched').selectOption('money');
    await p.getByRole('button', { name: 'Show' }).click();
    await p.waitForURL(/area=money/);
    expect(await p.locator('.moj-timeline__item').count()).toBe(1);
    await p.getByLabel('What it touched').selectOption('safety');
    await p.getByRole('button', { name: 'Show' }).click();
    expect(await p.locator('.moj-timeline').innerText()).toContain('No contacts match.');

    await p.goto(`${api.url}/app/my-day?after=${logged.position}`);
    const section = (key: string) => p.locator(`#section-${key}`).innerText();
    expect(await section('follow-ups')).toMatch(/Cy Offline\s+Ring the housing officer: due today/);
    expect(await section('return-interviews')).toMatch(/Dee Offline\s+Return interview due by/);
    expect(await section('no-contact')).toMatch(/Dee Offline\s+Last contact: 8 days ago/);
    expect(await section('no-contact')).not.toContain('Cy Offline');
    await checks.check(p, 'worker-my-day-due-phone');
    expect(await pageWidth(p)).toBeLessThanOrEqual(360);

    // A long timeline comes a page at a time, never cut off: 25, then the rest.
    let position = 0;
    for (let n = 1; n <= 25; n++) {
      const made = await manager.call('POST', `/api/young-people/${ids.Cy}/contacts`, {
        occurredAt: new Date(Date.now() - (n + 30) * 3_600_000).toISOString(),
        kind: 'text',
        notes: `Cy: text number ${n}`,
      });
      position = made.body.position;
    }
    await p.goto(`${api.url}/app/young-people/${ids.Cy}/timeline?after=${position}`);
    expect(await p.locator('.moj-timeline__item').count()).toBe(25);
    await p.getByRole('link', { name: 'Older contacts' }).click();
    expect(await p.locator('.moj-timeline__item').count()).toBe(1);
    expect(await p.locator('.moj-timeline').innerText()).toContain('Cy: text number 25');
    await phone.close();
  }, 60_000);

  it('opens the worker’s pages offline and queues each contact as its own item, one of them invalid', async () => {
    context = await browser.newContext(PHONE);
    page = await checks.signIn(context, api.url, 'Kai Keyworker');
    await page.waitForURL(/\/my-day$/);
    await checks.check(page, 'worker-my-day-phone');
    await page.getByRole('link', { name: 'All my young people' }).click();
    await page.waitForURL(/\/caseload$/);
    await checks.check(page, 'worker-caseload-phone');
    // Online once: the service worker keeps each young person's contact form and timeline.
    const wanted = [
      `/app/young-people/${ids.Ana}/contacts/new`,
      `/app/young-people/${ids.Ben}/contacts/new`,
      `/app/young-people/${ids.Ben}/timeline`,
      '/app/outbox',
    ];
    for (let i = 0; i < 100; i++) {
      const have = await kept(page);
      if (wanted.every((w) => have.includes(w))) break;
      await page.waitForTimeout(100);
    }
    const have = await kept(page);
    expect(wanted.filter((w) => !have.includes(w))).toEqual([]);

    await context.setOffline(true);
    await page.goto(`${api.url}/app/young-people/${ids.Ana}/contacts/new`);
    expect(await page.locator('h1').textContent()).toBe('Log a contact');
    await logContact(page, 'Face to face', 'Ana: walked to the bus stop together');
    // The same open form again: a second item, not a replacement of the first.
    await logContact(page, null, 'Ana: no kind chosen');
    expect(await page.locator('#outbox li').count()).toBe(2);
    await page.goto(`${api.url}/app/young-people/${ids.Ben}/contacts/new`);
    await logContact(page, 'Phone call', 'Ben: rang about the college place');
    // A page never kept says there is no connection, in the service's own words.
    await page.goto(`${api.url}/app/young-people/${ids.Ben}/plan`);
    expect(await page.locator('h1').textContent()).toBe('No connection');
    await page.goto(`${api.url}/app/outbox`);
    await page.locator('#outbox-items li').nth(2).waitFor();
    expect(await page.locator('#outbox-items [data-state="waiting"]').count()).toBe(3);
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);
    await checks.check(page, 'worker-outbox-waiting-phone');
    expect(await contacts('Ana')).toEqual([]);
    expect(await contacts('Ben')).toEqual([]);
  }, 90_000);

  it('sends the valid ones once when back online, keeps the refused one with the server’s message, and sends it once fixed', async () => {
    await context.setOffline(false);
    await page.evaluate(() =>
      (globalThis as unknown as EventTarget).dispatchEvent(new Event('online')),
    );
    await page.locator('#outbox-items [data-state="attention"]').waitFor({ timeout: 15_000 });
    await page.locator('#outbox-items [data-state="waiting"]').waitFor({ state: 'detached' });
    expect(await page.locator('#outbox-items [data-state="sent"]').count()).toBe(2);
    const refused = page.locator('#outbox-items [data-state="attention"]');
    expect(await refused.textContent()).toContain('Select the kind of contact');
    await checks.check(page, 'worker-outbox-attention-phone');
    expect(await contacts('Ana')).toEqual(['Ana: walked to the bus stop together']);
    expect(await contacts('Ben')).toEqual(['Ben: rang about the college place']);
    // Another `online` (a flaky connection) sends nothing more.
    await page.evaluate(() =>
      (globalThis as unknown as EventTarget).dispatchEvent(new Event('online')),
    );
    await page.waitForTimeout(500);
    expect(await contacts('Ana')).toHaveLength(1);

    await refused.getByRole('link', { name: 'Fix it and send again' }).click();
    await page.locator('#send-status', { hasText: 'This was not sent' }).waitFor();
    expect(await page.getByLabel('Notes').inputValue()).toBe('Ana: no kind chosen');
    await page.getByLabel('Face to face').check();
    await page.getByRole('button', { name: 'Save contact' }).click();
    await page.waitForURL(/\/timeline/);
    expect(await contacts('Ana')).toEqual([
      'Ana: walked to the bus stop together',
      'Ana: no kind chosen',
    ]);
    await page.goto(`${api.url}/app/outbox`);
    await page.locator('#outbox-items li').first().waitFor();
    expect(await page.locator('#outbox-items [data-state="attention"]').count()).toBe(0);
  }, 60_000);

  it('stores a contact once when the connection drops after the server committed it', async () => {
    await page.goto(`${api.url}/app/young-people/${ids.Ben}/contacts/new`);
    // The server records it; the answer never arrives.
    let cut = true;
    await context.route('**/contacts', async (route) => {
      if (!cut || route.request().method() !== 'POST') return route.continue();
      await route.fetch();
      await route.abort('internetdisconnected');
    });
    await page.getByLabel('Face to face').check();
    await page.getByLabel('Notes').fill('Ben: the answer was lost');
    await page.getByRole('button', { name: 'Save contact' }).click();
    await page.locator('#send-status', { hasText: 'No connection' }).waitFor();
    expect(await contacts('Ben')).toHaveLength(2);
    cut = false;
    await page.goto(`${api.url}/app/outbox`);
    await page.locator('#outbox-items li').first().waitFor();
    await page.getByRole('button', { name: 'Send now' }).click();
    await page
      .locator('#outbox-items [data-state="waiting"], #outbox-items [data-state="sending"]')
      .first()
      .waitFor({ state: 'detached' });
    expect(await contacts('Ben')).toEqual([
      'Ben: rang about the college place',
      'Ben: the answer was lost',
    ]);
    await context.unroute('**/contacts');
  }, 60_000);

  it('catches a correction made offline on a contact someone else corrected meanwhile, and overwrites nothing', async () => {
    const logged = (await api.infra.store.readStream(outreachStreamId(ids.Ana))).find(
      (e) => e.type === 'ContactLogged' && e.data.notes === 'Ana: walked to the bus stop together',
    )!;
    await page.goto(`${api.url}/app/young-people/${ids.Ana}/timeline`);
    // Each contact on the timeline has its own link to correct it.
    await page
      .locator('.moj-timeline__item', { hasText: 'Ana: walked to the bus stop together' })
      .getByRole('link', { name: /^Correct it\W+the face to face contact/ })
      .click();
    await page.waitForURL(/\/correct$/);
    await checks.check(page, 'worker-contact-correct-phone');
    // The phone loses its connection with the form open; the correction waits in the outbox.
    await context.setOffline(true);
    await page.getByLabel('Notes').fill('Ana: walked to the bus stop, then the shop');
    await page.getByLabel('Why it is corrected').fill('Forgot the shop');
    await page.getByRole('button', { name: 'Save the correction' }).click();
    await page.locator('#send-status', { hasText: 'No connection' }).waitFor();
    // Meanwhile the manager corrects the same contact, online.
    const theirs = await manager.call(
      'POST',
      `/api/young-people/${ids.Ana}/contacts/${logged.data.contactId}/amendments`,
      { notes: 'Ana: walked to the bus stop (checked with her)', reason: 'Checked', version: 0 },
    );
    expect(theirs.status).toBe(200);
    await context.setOffline(false);
    await page.goto(`${api.url}/app/outbox`);
    const conflict = page.locator('#outbox-items [data-state="attention"]');
    await conflict.waitFor({ timeout: 15_000 });
    const said = await conflict.innerText();
    expect(said).toContain('it now reads: “Ana: walked to the bus stop (checked with her)”');
    expect(said).toContain('Yours: “Ana: walked to the bus stop, then the shop”');
    await checks.check(page, 'worker-outbox-conflict-phone');
    const amended = (await api.infra.store.readStream(outreachStreamId(ids.Ana))).filter(
      (e) => e.type === 'ContactAmended',
    );
    expect(amended.map((e) => (e.data.changes as { notes?: string }).notes)).toEqual([
      'Ana: walked to the bus stop (checked with her)',
    ]);
    // Discarded on purpose, after a warning.
    page.once('dialog', (d) => d.accept());
    await conflict.getByRole('button', { name: 'Discard it' }).click();
    await conflict.waitFor({ state: 'detached' });
  }, 60_000);

  it('reports a young person missing from the phone offline, sent once when back online', async () => {
    await context.setOffline(true);
    await page.goto(`${api.url}/app/young-people/${ids.Ana}/missing`);
    await page.getByLabel('Missing', { exact: true }).check();
    await page.getByLabel('Yes').check();
    await page.getByLabel('What happened').fill('Ana: did not come back from the shop');
    await page.getByRole('button', { name: 'Report missing' }).click();
    await page.locator('#send-status', { hasText: 'No connection' }).waitFor();
    expect(await page.locator('#outbox').textContent()).toContain('Missing report for Ana Offline');
    await context.setOffline(false);
    await page.goto(`${api.url}/app/outbox`);
    await page
      .locator('#outbox-items [data-state="sent"]', { hasText: 'Missing report for Ana Offline' })
      .waitFor({ timeout: 15_000 });
    const reported = (await api.infra.store.readStream(outreachStreamId(ids.Ana))).filter(
      (e) => e.type === 'MissingEpisodeReported',
    );
    expect(reported.map((e) => e.data.circumstances)).toEqual([
      'Ana: did not come back from the shop',
    ]);
  }, 60_000);

  it('warns before signing out with something unsent, then leaves nothing personal on the phone', async () => {
    await context.setOffline(true);
    await page.goto(`${api.url}/app/young-people/${ids.Ben}/contacts/new`);
    await logContact(page, 'Text or message', 'Ben: never sent');
    // Back online, but every send fails: it stays unsent.
    await context.route('**/contacts', (route) => route.abort('internetdisconnected'));
    await context.setOffline(false);
    let warned = '';
    page.once('dialog', async (d) => {
      warned = d.message();
      await d.accept();
    });
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    expect(warned).toContain('not been sent');
    const left = await page.evaluate(async () => {
      const g = globalThis as unknown as {
        caches: { keys(): Promise<string[]> };
        indexedDB: { databases(): Promise<{ name: string }[]> };
        localStorage: Storage;
      };
      return {
        caches: (await g.caches.keys()).filter((k) => k.startsWith('nwd-pages')),
        databases: (await g.indexedDB.databases()).map((d) => d.name),
        kept: Object.keys(g.localStorage).filter((k) => k.startsWith('nwd-')),
      };
    });
    expect(left).toEqual({ caches: [], databases: [], kept: [] });
    expect(await contacts('Ben')).not.toContain('Ben: never sent');
    await context.close();
  }, 60_000);

  it('has no WCAG 2.2 A or AA violations, and breaks no rule of the CSP, on any page visited', () => {
    expect(checks.axeFailures).toEqual([]);
    expect(checks.cspViolations).toEqual([]);
  });
});
