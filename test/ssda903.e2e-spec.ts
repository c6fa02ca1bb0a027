import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { REPO_ROOT } from '#testing/build';
import { createTestDatabase } from '#testing/test-database';
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

  it('takes the OC3 record of a young person the care the case holds makes a care leaver, whatever the referral said', async () => {
    // 17 within the OC3 window around today; in council foster care from 14 to past 16.
    const dob = new Date(Date.now() + 10 * 86_400_000);
    dob.setUTCFullYear(dob.getUTCFullYear() - 17);
    const born = dob.toISOString().slice(0, 10);
    const yearsOld = (n: number, days = 0) => {
      const d = new Date(`${born}T00:00:00Z`);
      d.setUTCFullYear(d.getUTCFullYear() + n);
      return new Date(d.getTime() + days * 86_400_000).toISOString().slice(0, 10);
    };
    const referred = async (givenName: string) => {
      const r = await manager.call('POST', '/api/referrals', {
        hubId,
        category: 'edge_of_care',
        youngPerson: { givenName, familyName: 'Leaver', dateOfBirth: born },
        socialWorker: { name: 'Sam Social', team: 'North' },
        reason: 'Return test',
      });
      await manager.call('POST', `/api/young-people/${r.body.youngPersonId}/accept`);
      return r.body.youngPersonId as string;
    };
    const record = { age: 17, inTouch: 'YES', activ: 'F2', accom: 'E1' };
    const cal = await referred('Cal');
    const none = await manager.call('POST', `/api/young-people/${cal}/care-leaver-records`, record);
    expect([none.status, none.body.code]).toEqual([409, 'OC3.NOT_A_CARE_LEAVER']);
    expect((await api.infra.store.readStream(`housing-${cal}`)).length).toBe(0);
    const dee = await referred('Dee');
    const cared = await manager.call('POST', `/api/young-people/${dee}/placements-outside`, {
      description: 'Council foster carers, Lymington',
      from: yearsOld(14, 60),
      episode: {
        rne: 'S',
        ls: 'C2',
        place: 'U4',
        placeProvider: 'PR1',
        postcode: 'BH25 5RZ',
        outOfArea: false,
      },
      end: { on: yearsOld(16, 30), rec: 'E5' },
    });
    expect(cared.status).toBe(201);
    const made = await manager.call('POST', `/api/young-people/${dee}/care-leaver-records`, record);
    expect(made.status).toBe(201);
    const [event] = await api.infra.store.readStream(`housing-${dee}`);
    expect(event.type).toBe('CareLeaverRecordMade');
    expect(event.data).toMatchObject({ age: 17, birthday: yearsOld(17), activ: 'F2', accom: 'E1' });
  });
});

/**
 * A generated council (`nwd seed --la`) looks like a real one to the return: the issue's own
 * command (two hubs, two years to 31 March 2026) on PostgreSQL, then the exports of 2024-25 and
 * 2025-26, each with nothing in the way, and 2025-26 carrying on 2024-25's open episodes.
 */
describe('a generated council’s SSDA903 returns, on PostgreSQL', () => {
  it('has in each year looked-after children, legal status changes, missing episodes and OC3 records, with nothing in the way', async () => {
    const db = await createTestDatabase('nwd_903seed');
    const dir = mkdtempSync(join(tmpdir(), 'nwd-903-seed-'));
    const env = { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: db.url };
    const nwd = (args: string[]) =>
      run(process.execPath, [join(REPO_ROOT, 'bin', 'nwd.js'), ...args], { env, cwd: REPO_ROOT });
    try {
      await nwd([
        'seed',
        ...'--hubs 2 --years 2 --seed 7 --la E10000014 --end 2026-03-31 --no-progress'.split(' '),
      ]);
      const years = ['2024-25', '2025-26'];
      const tables: Record<string, Record<string, Record<string, string>[]>> = {};
      for (const year of years) {
        const out = join(dir, year);
        const exported = await nwd([
          'export',
          'ssda903',
          '--year',
          year,
          '--la',
          'E10000014',
          '--out',
          out,
        ]);
        expect(exported.stdout).toContain('Ready to send');
        tables[year] = Object.fromEntries(
          ['header', 'episodes', 'missing', 'oc3'].map((t) => [t, readCsv(join(out, `${t}.csv`))]),
        );
      }
      for (const year of years) {
        const t = tables[year];
        const children = new Set(t.episodes.map((e) => e.CHILD));
        expect(children.size).toBeGreaterThanOrEqual(20);
        expect(t.missing.length).toBeGreaterThanOrEqual(1);
        expect(t.oc3.length).toBeGreaterThanOrEqual(1);
        // Care orders made during hub stays: L (legal status only) or T (with the carers).
        expect(t.episodes.some((e) => e.RNE === 'L')).toBe(true);
        // Some came from council foster carers: their episode ends X1 the day the hub's starts P.
        expect(t.episodes.some((e) => e.PLACE === 'U6' && e.REC === 'X1')).toBe(true);
        expect(t.episodes.some((e) => e.PLACE === 'K2' && e.RNE === 'P')).toBe(true);
        // Care leavers left care at 16 or later for independent living with support.
        expect(t.episodes.some((e) => e.REC === 'E5')).toBe(true);
        for (const h of t.header) expect(h.UPN).toMatch(/^([A-Z]\d{11}[\dA-Z]|UN4)$/);
        // Every OC3 row is a care leaver's, in the header, in touch with codes or 0s when not.
        for (const r of t.oc3) {
          expect(t.header.some((h) => h.CHILD === r.CHILD)).toBe(true);
          if (r.IN_TOUCH === 'YES') expect([r.ACTIV, r.ACCOM]).not.toContain('0');
          else expect([r.ACTIV, r.ACCOM]).toEqual(['0', '0']);
        }
      }
      // Carry-over: each episode open on 31 March 2025 is the same row on 1 April 2025.
      const open = tables['2024-25'].episodes.filter((e) => e.DEC === '');
      expect(open.length).toBeGreaterThanOrEqual(1);
      for (const e of open) {
        const next = tables['2025-26'].episodes.find(
          (n) => n.CHILD === e.CHILD && n.DECOM === e.DECOM,
        );
        expect({ ...next, DEC: '', REC: '', REASON_PLACE_CHANGE: '' }).toEqual(e);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await db.drop();
    }
  }, 400_000);
});

/** A CSV the export wrote (no quoted commas in these tables), as rows keyed by column. */
function readCsv(file: string): Record<string, string>[] {
  const [head, ...rows] = readFileSync(file, 'utf8').trim().split('\r\n');
  const columns = head.split(',');
  return rows.map((r) => Object.fromEntries(r.split(',').map((v, i) => [columns[i], v])));
}
