import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import { loggableError } from '#platform';
import { startTestApi, type Caller, type TestApi } from './support/test-api.js';

/** Personal data never reaches the logs; refused requests do, as security events, and are filed. */
describe('logs and refused requests (PostgreSQL)', () => {
  let api: TestApi;
  let hubA: string;
  let hubB: string;
  let manager: Caller;
  const lines: Record<string, unknown>[] = [];

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const l of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(l));
        done();
      },
    });
    api = await startTestApi('postgres', {}, { logger: pino({ level: 'info' }, sink) });
    hubA = await api.openHub('Log Hub A');
    hubB = await api.openHub('Log Hub B');
    manager = api.as({ id: 'mgr-log', name: 'Mel Logs', roles: ['hub_manager'], hubs: [hubA] });
  });
  afterAll(() => api.close());

  it('refuses a name and notes with NUL at the edge, and logs none of it', async () => {
    const res = await manager.call('POST', '/api/referrals', {
      hubId: hubA,
      category: 'edge_of_care',
      youngPerson: {
        givenName: 'Secretname\u0000',
        familyName: 'Hidden',
        dateOfBirth: '2010-01-01',
      },
      socialWorker: { name: 'S W', team: 'T' },
      reason: 'private notes\u0000 about the family',
    });
    expect([res.status, res.body.code]).toEqual([400, 'REQUEST.INVALID_TEXT']);
    const text = JSON.stringify(lines);
    expect(text).not.toContain('Secretname');
    expect(text).not.toContain('private notes');
  });

  it('keeps a database error’s values out of what it logs: SQLSTATE and constraint instead', async () => {
    const error = await api.infra.readDb.query('SELECT $1::uuid', ['Jordan Secretperson']).then(
      () => null,
      (e: unknown) => e,
    );
    expect(String((error as Error).message)).toContain('Jordan Secretperson');
    const logged = loggableError(error);
    expect(JSON.stringify(logged)).not.toContain('Jordan');
    expect(logged).toMatchObject({ sqlState: '22P02' });
  });

  it('logs every refusal as a security event, files it for auditors, and appends nothing to the log', async () => {
    const before = lines.length;
    const head = async () => (await api.infra.store.head()).position;
    const inB = await api
      .as({ id: 'mgr-b', roles: ['hub_manager'], hubs: [hubB] })
      .call('POST', '/api/referrals', {
        hubId: hubB,
        category: 'edge_of_care',
        youngPerson: { givenName: 'Other', familyName: 'Hub', dateOfBirth: '2010-01-01' },
        socialWorker: { name: 'S W', team: 'T' },
        reason: 'b',
      });
    const logHead = await head();
    const probe = await manager.call('GET', `/api/young-people/${inB.body.youngPersonId}`);
    expect(probe.status).toBe(404);
    const denied = await manager.call('GET', '/api/audit/access-log');
    expect(denied.status).toBe(403);
    const anonymous = await api.call('GET', `/api/hubs/${hubA}/bed-board`);
    expect(anonymous.status).toBe(401);
    expect(await head()).toBe(logHead);

    const events = lines.slice(before).filter((l) => l.security === 'request_refused');
    expect(events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          userId: 'mgr-log',
          status: 404,
          targetId: inB.body.youngPersonId,
          reason: 'YOUNG_PERSON.NOT_FOUND',
        }),
        expect.objectContaining({ userId: 'mgr-log', status: 403, reason: 'ACCESS.DENIED' }),
        expect.objectContaining({
          userId: null,
          status: 401,
          route: `/api/hubs/${hubA}/bed-board`,
        }),
      ]),
    );

    const auditor = api.as({ id: 'aud', roles: ['auditor'] });
    let listed: {
      items: { user: { id: string } | null; status: number; targetId: string | null }[];
    };
    for (let i = 0; ; i++) {
      listed = (await auditor.call('GET', '/api/audit/refused-requests')).body;
      if (listed.items.length >= 3 || i > 50) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(listed.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ status: 404, targetId: inB.body.youngPersonId }),
        expect.objectContaining({ status: 403, user: expect.objectContaining({ id: 'mgr-log' }) }),
        expect.objectContaining({ status: 401, user: null, targetId: hubA }),
      ]),
    );
    // The audit page lists them and counts the week's.
    const page = await auditor.call('GET', '/app/audit');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Refused attempts');
    expect(page.body).toMatch(
      /In the last 7 days: [1-9]\d* without a valid sign-in, [1-9]\d* not allowed/,
    );
    expect(page.body).toContain('Not theirs to see');
  });
});
