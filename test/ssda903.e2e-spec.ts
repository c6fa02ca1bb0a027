import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { REPO_ROOT } from '#testing/build';
import { upnCheckLetter } from '#ssda903';
import { startTestApi, type Caller, type TestApi } from './support/test-api.js';

const run = promisify(execFile);
const REASON = { 'X-Access-Reason': 'Checking the SSDA903 return before it is sent' };

/**
 * The SSDA903 return over HTTP and from the CLI on PostgreSQL: what it needs is recorded through
 * the API (refused with a named field when wrong, nothing appended), and the tables come from
 * the events in the log.
 */
describe('the SSDA903 return, on PostgreSQL', () => {
  let api: TestApi;
  let hubId: string;
  let manager: Caller;
  let youngPersonId: string;
  /** The last write's log position: reads pass it as ?after= to see it (read your writes). */
  let last: number;
  const upn = `${upnCheckLetter('936105123451')}936105123451`;

  beforeAll(async () => {
    api = await startTestApi('postgres');
    hubId = await api.openHub('Return Hub');
    manager = api.as({ id: 'mgr-903', name: 'Mo Manager', roles: ['hub_manager'], hubs: [hubId] });
    const referred = await manager.call('POST', '/api/referrals', {
      hubId,
      category: 'edge_of_care',
      youngPerson: { givenName: 'Ana', familyName: 'Return', dateOfBirth: '2010-03-03' },
      socialWorker: { name: 'Sam Social', team: 'North' },
      reason: 'Return test',
    });
    youngPersonId = referred.body.youngPersonId;
    expect((await manager.call('POST', `/api/young-people/${youngPersonId}/accept`)).status).toBe(
      200,
    );
    const admitted = await manager.call('POST', `/api/hubs/${hubId}/admissions`, {
      youngPersonId,
      from: '2025-05-01',
      episode: {
        rne: 'S',
        ls: 'V2',
        place: 'K2',
        placeProvider: 'PR1',
        postcode: 'so23 8uj',
        outOfArea: false,
      },
    });
    expect(admitted.status).toBe(201);
    const away = await manager.call('POST', `/api/young-people/${youngPersonId}/missing-episodes`, {
      category: 'M',
      startedAt: '2025-06-01T22:30:00Z',
      policeInformed: true,
      circumstances: 'Generated episode',
    });
    await manager.call(
      'POST',
      `/api/young-people/${youngPersonId}/missing-episodes/${away.body.episodeId}/return`,
      { returnedAt: '2025-06-02T10:00:00Z', whereFound: 'At a friend’s' },
    );
    const left = await manager.call(
      'POST',
      `/api/hubs/${hubId}/admissions/${youngPersonId}/discharge`,
      { on: '2025-09-01', destination: 'home_to_family', reason: 'Home', rec: 'E4A' },
    );
    expect(left.status).toBe(200);
    last = left.body.position;
  }, 60_000);
  afterAll(() => api.close());

  it('lists what stands in the way, each with its field, until it is recorded', async () => {
    const before = await manager.call('GET', `/api/exports/ssda903/2025-26?after=${last}`);
    expect(before.status).toBe(200);
    expect(before.body.tables.episodes.rows).toBe(1);
    expect(
      before.body.problems.map((p: { field: string; fix: string }) => [p.field, p.fix]),
    ).toEqual([
      ['CHILD', 'return-details'],
      ['URN', 'hub-registration'],
      ['LA', 'hub-registration'],
    ]);
  });

  it('refuses a wrong council, URN or UPN with the field named, and appends nothing', async () => {
    const hubEvents = async () => (await api.infra.store.readStream(`hub-${hubId}`)).length;
    const caseEvents = async () =>
      (await api.infra.store.readStream(`young-person-${youngPersonId}`)).length;
    const [h, c] = [await hubEvents(), await caseEvents()];
    const wales = await manager.call('PUT', `/api/hubs/${hubId}/registration`, {
      laCode: 'W06000001',
      ofstedUrn: 'SC123456',
    });
    expect(wales.status).toBe(400);
    expect(wales.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.stringify(wales.body)).toContain('laCode');
    const urn = await manager.call('PUT', `/api/hubs/${hubId}/registration`, {
      laCode: 'E10000014',
      ofstedUrn: 'SC12',
    });
    expect(JSON.stringify(urn.body)).toContain('ofstedUrn');
    const details = {
      childId: 'HC0001',
      sex: 'F',
      ethnicity: 'WBRI',
      upn,
      mother: '0',
      cin: 'N4',
      homePostcode: 'bh24 1ej',
    };
    const badUpn = await manager.call('POST', `/api/young-people/${youngPersonId}/return-details`, {
      ...details,
      upn: 'A000000000001',
    });
    expect(badUpn.status).toBe(400);
    expect(JSON.stringify(badUpn.body)).toContain('upn');
    const both = await manager.call('POST', `/api/young-people/${youngPersonId}/return-details`, {
      ...details,
      upnReason: 'UN4',
    });
    expect(both.status).toBe(400);
    expect(both.body.code).toBe('RETURN.UPN_OR_REASON');
    expect([await hubEvents(), await caseEvents()]).toEqual([h, c]);

    expect(
      (
        await manager.call('PUT', `/api/hubs/${hubId}/registration`, {
          laCode: 'E10000014',
          ofstedUrn: 'SC123456',
        })
      ).status,
    ).toBe(200);
    expect(
      (await manager.call('POST', `/api/young-people/${youngPersonId}/return-details`, details))
        .status,
    ).toBe(200);
  });

  it('writes the tables from the log: ready, with the DfE’s columns and dates', async () => {
    const after = await manager.call('GET', '/api/exports/ssda903/2025-26?la=E10000014');
    expect(after.body.problems).toEqual([]);
    const csv = async (table: string) => {
      const r = await manager.call('GET', `/api/exports/ssda903/2025-26/${table}.csv`);
      expect(r.headers.get('content-type')).toContain('text/csv');
      return String(r.body);
    };
    expect(await csv('header')).toBe(
      `CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\nHC0001,F,03/03/2010,WBRI,${upn},0,\r\n`,
    );
    expect(await csv('episodes')).toBe(
      'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\r\n' +
        'HC0001,01/05/2025,S,V2,N4,K2,PR1,01/09/2025,E4A,,BH24 1EJ,SO23 8UJ,SC123456\r\n',
    );
    // 22:30 UTC on 1 June is 23:30 in the UK: still 1 June.
    expect(await csv('missing')).toBe(
      'CHILD,DOB,MISSING,MIS_START,MIS_END\r\nHC0001,03/03/2010,M,01/06/2025,02/06/2025\r\n',
    );
    expect(await csv('oc3')).toBe('CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\r\n');
    const missingTable = await manager.call('GET', '/api/exports/ssda903/2025-26/nothing.csv');
    expect(missingTable.status).toBe(404);
    const year = await manager.call('GET', '/api/exports/ssda903/2031-32');
    expect(year.status).toBe(400);
    expect(year.body.code).toBe('RETURN.YEAR_NOT_SUPPORTED');
  });

  it('keeps the whole period of care: a foster placement outside the hub before it', async () => {
    const referred = await manager.call('POST', '/api/referrals', {
      hubId,
      category: 'edge_of_care',
      youngPerson: { givenName: 'Ben', familyName: 'Return', dateOfBirth: '2011-04-04' },
      socialWorker: { name: 'Sam Social', team: 'North' },
      reason: 'Return test',
    });
    const ben = referred.body.youngPersonId;
    await manager.call('POST', `/api/young-people/${ben}/accept`);
    await manager.call('POST', `/api/young-people/${ben}/return-details`, {
      childId: 'HC0002',
      sex: 'M',
      ethnicity: 'WBRI',
      upnReason: 'UN4',
      cin: 'N1',
      homePostcode: 'BH25 5QG',
    });
    const foster = {
      description: 'Council foster carers, New Milton',
      from: '2025-04-10',
      episode: {
        rne: 'S',
        ls: 'C2',
        place: 'U4',
        placeProvider: 'PR1',
        postcode: 'BH25 5RZ',
        outOfArea: false,
      },
      end: { on: '2025-06-01', rec: 'X1', reasonPlaceChange: 'CARPL' },
    };
    const stream = async () =>
      (await api.infra.store.readStream(`placements-outside-${ben}`)).length;
    const bad = await manager.call('POST', `/api/young-people/${ben}/placements-outside`, {
      ...foster,
      end: { on: '2025-06-01', rec: 'Q9' },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('end.rec');
    expect(await stream()).toBe(0);
    const kept = await manager.call('POST', `/api/young-people/${ben}/placements-outside`, foster);
    expect(kept.status).toBe(201);
    const overlap = await manager.call('POST', `/api/young-people/${ben}/placements-outside`, {
      ...foster,
      from: '2025-05-01',
      end: undefined,
    });
    expect([overlap.status, overlap.body.code]).toEqual([409, 'PLACEMENT.OVERLAPS']);
    expect(await stream()).toBe(2);
    const admitted = await manager.call('POST', `/api/hubs/${hubId}/admissions`, {
      youngPersonId: ben,
      from: '2025-06-01',
      episode: {
        rne: 'P',
        ls: 'C2',
        place: 'K2',
        placeProvider: 'PR1',
        postcode: 'SO23 8UJ',
        outOfArea: false,
      },
    });
    const listed = await manager.call('GET', `/api/young-people/${ben}/placements-outside`);
    expect(
      listed.body.placements.map((p: { description: string; to: string }) => [p.description, p.to]),
    ).toEqual([['Council foster carers, New Milton', '2025-06-01']]);
    const csv = String(
      (
        await manager.call(
          'GET',
          `/api/exports/ssda903/2025-26/episodes.csv?after=${admitted.body.position}`,
        )
      ).body,
    );
    expect(csv).toContain(
      'HC0002,10/04/2025,S,C2,N1,U4,PR1,01/06/2025,X1,CARPL,BH25 5QG,BH25 5RZ,XXXXXXX\r\n',
    );
    expect(csv).toContain('HC0002,01/06/2025,P,C2,N1,K2,PR1,,,,BH25 5QG,SO23 8UJ,SC123456\r\n');
  });

  it('covers only the caller’s hubs; an auditor sees every hub, saying why', async () => {
    const other = await api.openHub('Other Hub');
    const theirs = api.as({ id: 'mgr-other', roles: ['hub_manager'], hubs: [other] });
    expect(
      (await theirs.call('GET', '/api/exports/ssda903/2025-26')).body.tables.episodes.rows,
    ).toBe(0);
    const worker = api.as({ id: 'kw-903', roles: ['key_worker'], hubs: [hubId] });
    expect((await worker.call('GET', '/api/exports/ssda903/2025-26')).status).toBe(403);
    const auditor = api.as({ id: 'aud-903', roles: ['auditor'] });
    const seen = await auditor.call('GET', '/api/exports/ssda903/2025-26', undefined, REASON);
    expect(seen.status).toBe(200);
    expect(seen.body.tables.header.rows).toBeGreaterThanOrEqual(1);
  });

  /** `nwd export ssda903 ...` on this test's database, as an operator would run it. */
  const exportCli = (args: string[]) =>
    run(process.execPath, [join(REPO_ROOT, 'bin', 'nwd.js'), 'export', 'ssda903', ...args], {
      env: { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: api.config.databaseUrl! },
      cwd: REPO_ROOT,
    });

  it('nwd export ssda903 writes the same tables to a folder', async () => {
    const out = mkdtempSync(join(tmpdir(), 'nwd-903-'));
    try {
      const { stdout } = await exportCli(['--year', '2025-26', '--la', 'E10000014', '--out', out]);
      // Ana's one episode, Ben's two (outside the hub, then the hub).
      expect(stdout).toContain('episodes.csv: 3 rows');
      expect(stdout).toContain('Ready to send');
      // Recorded as sent: kept in the log for next year's return to carry on.
      const recorded = await exportCli([
        '--year',
        '2025-26',
        '--la',
        'E10000014',
        '--record',
        '--out',
        out,
      ]);
      expect(recorded.stdout).toContain('Recorded as sent');
      const kept = await api.infra.store.readStream('ssda903-return-E10000014-2025-26');
      expect(
        kept.map((e) => [
          e.type,
          (e.data.header as unknown[]).length,
          (e.data.openEpisodes as unknown[]).length,
        ]),
      ).toEqual([['Ssda903ReturnRecorded', 2, 1]]);
      const api903 = await manager.call('GET', '/api/exports/ssda903/2025-26/episodes.csv');
      expect(readFileSync(join(out, 'episodes.csv'), 'utf8')).toBe(String(api903.body));
      const refused = await exportCli(['--year', '2025-26', '--la', 'X1', '--out', out]).catch(
        (e: { stderr: string; code: number }) => e,
      );
      expect((refused as { code: number }).code).toBe(1);
      expect((refused as { stderr: string }).stderr).toContain('English local authority');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});

/**
 * A generated council (`nwd seed --la`) looks like a real one to the return: on PGlite, one hub
 * over the year to 31 March 2026, then its export.
 */
describe('a generated council’s SSDA903 return, on PGlite', () => {
  it('has looked-after children, episodes and missing episodes, with nothing in the way but OC3 records due', async () => {
    const data = mkdtempSync(join(tmpdir(), 'nwd-903-seed-'));
    const out = join(data, 'return');
    const env = { ...process.env, LOG_LEVEL: 'warn', NWD_DATA_DIR: join(data, 'db') };
    delete (env as Record<string, string | undefined>).DATABASE_URL;
    const nwd = (args: string[]) =>
      run(process.execPath, [join(REPO_ROOT, 'bin', 'nwd.js'), ...args], { env, cwd: REPO_ROOT });
    try {
      await nwd([
        'seed',
        '--hubs',
        '1',
        '--years',
        '1',
        '--seed',
        '7',
        '--la',
        'E10000014',
        '--end',
        '2026-03-31',
        '--no-progress',
      ]);
      const exported = await nwd([
        'export',
        'ssda903',
        '--year',
        '2025-26',
        '--la',
        'E10000014',
        '--out',
        out,
      ]).catch((e: { stdout: string; code: number }) => e);
      const rows = (table: string) =>
        readFileSync(join(out, `${table}.csv`), 'utf8')
          .trim()
          .split('\r\n')
          .slice(1);
      expect(rows('header').length).toBeGreaterThanOrEqual(20);
      expect(rows('episodes').length).toBeGreaterThanOrEqual(rows('header').length);
      expect(rows('missing').length).toBeGreaterThanOrEqual(1);
      // Some came from council foster carers: S outside the hub, then P into the hub's bed.
      expect(rows('episodes').some((r) => r.split(',')[2] === 'P')).toBe(true);
      // Every child's id, a UPN or its reason, and a real postcode of the council's area.
      for (const r of rows('header')) expect(r.split(',')[4]).toMatch(/^([A-Z]\d{11}[\dA-Z]|UN4)$/);
      // What stands in the way: only OC3 records due for young people whose hub stays made them
      // care leavers (the OC3 form offers itself to care-leaver referrals).
      const problems = String((exported as { stdout: string }).stdout)
        .split('\n')
        .filter((l) => l.startsWith('  '));
      for (const p of problems)
        expect(p).toMatch(/: oc3 CHILD: The OC3 record for the \d+th birthday/);
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  }, 300_000);
});
