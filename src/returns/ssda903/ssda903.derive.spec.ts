import { describe, expect, it } from '@jest/globals';
import { tableCsv } from '#ssda903';
import {
  deriveSsda903,
  NO_URN,
  type ChildInput,
  type HubFacts,
  type LoggedFact,
} from './ssda903.derive.js';

/** Given a young person's events, when the 2025-26 return is derived, then these rows. */
const hubs = new Map<string, HubFacts>([
  ['h1', { hubId: 'h1', name: 'North Hub', laCode: 'E10000014', ofstedUrn: 'SC123456' }],
]);
const referred: LoggedFact = {
  type: 'ReferralReceived',
  data: { youngPersonId: 'yp1', hubId: 'h1', youngPerson: { dateOfBirth: '2010-03-03' } },
};
const details = (over: Record<string, unknown> = {}): LoggedFact => ({
  type: 'ReturnDetailsRecorded',
  data: {
    youngPersonId: 'yp1',
    childId: 'HC0001',
    sex: 'F',
    ethnicity: 'WBRI',
    upn: null,
    upnReason: 'UN4',
    mother: '0',
    babyDateOfBirth: null,
    cin: 'N4',
    homePostcode: 'SO23 8UJ',
    uasc: null,
    ...over,
  },
});
const episode = (over: Record<string, unknown> = {}) => ({
  rne: 'S',
  ls: 'V2',
  place: 'K2',
  placeProvider: 'PR1',
  reasonPlaceChange: null,
  postcode: 'SO23 8UJ',
  outOfArea: false,
  ...over,
});
const admitted = (from: string, over: Record<string, unknown> = {}): LoggedFact => ({
  type: 'YoungPersonAdmitted',
  data: { hubId: 'h1', bedId: 'planned-1', youngPersonId: 'yp1', from, episode: episode(over) },
});
const discharged = (on: string, rec: string | null, reasonPlaceChange: string | null = null) => ({
  type: 'YoungPersonDischarged',
  data: { hubId: 'h1', bedId: 'planned-1', youngPersonId: 'yp1', on, rec, reasonPlaceChange },
});
const placedWithFamily = (from: string, over: Record<string, unknown> = {}): LoggedFact => ({
  type: 'YoungPersonPlacedWithFamily',
  data: {
    familyId: 'f1',
    hubId: 'h1',
    youngPersonId: 'yp1',
    from,
    episode: episode({ place: 'U6', placeProvider: 'PR1', postcode: 'BH24 1EJ', ...over }),
  },
});
const familyEnded = (on: string, rec: string | null) => ({
  type: 'FamilyPlacementEnded',
  data: {
    familyId: 'f1',
    hubId: 'h1',
    youngPersonId: 'yp1',
    on,
    reason: 'x',
    rec,
    reasonPlaceChange: null,
  },
});
const child = (events: LoggedFact[]): ChildInput => ({
  youngPersonId: 'yp1',
  hubId: 'h1',
  name: 'Ana Test',
  events: [referred, details(), ...events],
});
const derive = (events: LoggedFact[], more: ChildInput[] = []) =>
  deriveSsda903('2025-26', [child(events), ...more], hubs);
const columns = (rows: Record<string, string | null>[], ...names: string[]) =>
  rows.map((r) => names.map((n) => r[n]));

describe('the SSDA903 return, derived from the log', () => {
  it('starts a period of care S, and ends it with the discharge’s E code', () => {
    const r = derive([admitted('2025-05-01'), discharged('2025-08-01', 'E4A')]);
    expect(r.tables.episodes).toEqual([
      {
        CHILD: 'HC0001',
        DECOM: '2025-05-01',
        RNE: 'S',
        LS: 'V2',
        CIN: 'N4',
        PLACE: 'K2',
        PLACE_PROVIDER: 'PR1',
        DEC: '2025-08-01',
        REC: 'E4A',
        REASON_PLACE_CHANGE: null,
        HOME_POST: 'SO23 8UJ',
        PL_POST: 'SO23 8UJ',
        URN: 'SC123456',
      },
    ]);
    expect(r.tables.header).toEqual([
      {
        CHILD: 'HC0001',
        SEX: 'F',
        DOB: '2010-03-03',
        ETHNIC: 'WBRI',
        UPN: 'UN4',
        MOTHER: '0',
        MC_DOB: null,
      },
    ]);
    expect(r.problems).toEqual([]);
  });

  it('continues the period across a move to a family the same day: X1 and the reason on the ending row, P on the new one', () => {
    const r = derive([
      admitted('2025-05-01'),
      discharged('2025-06-10', null, 'CARPL'),
      placedWithFamily('2025-06-10'),
    ]);
    expect(
      columns(
        r.tables.episodes,
        'DECOM',
        'RNE',
        'PLACE',
        'DEC',
        'REC',
        'REASON_PLACE_CHANGE',
        'URN',
      ),
    ).toEqual([
      ['2025-05-01', 'S', 'K2', '2025-06-10', 'X1', 'CARPL', 'SC123456'],
      ['2025-06-10', 'P', 'U6', null, null, null, NO_URN],
    ]);
  });

  it('says T when the legal status changes with the carers, U with the placement only, L alone', () => {
    const t = derive([
      admitted('2025-05-01'),
      discharged('2025-06-10', null, 'CARPL'),
      placedWithFamily('2025-06-10', { ls: 'C2' }),
    ]);
    expect(columns(t.tables.episodes, 'RNE')).toEqual([['S'], ['T']]);
    const u = derive([
      admitted('2025-05-01'),
      discharged('2025-06-10', null, 'PLACE'),
      admitted('2025-06-10', { ls: 'C2', place: 'K1' }),
    ]);
    expect(columns(u.tables.episodes, 'RNE', 'REC')).toEqual([
      ['S', 'X1'],
      ['U', null],
    ]);
    const l = derive([
      admitted('2025-05-01'),
      discharged('2025-06-10', null),
      admitted('2025-06-10', { ls: 'C2' }),
    ]);
    expect(columns(l.tables.episodes, 'RNE', 'REC', 'REASON_PLACE_CHANGE')).toEqual([
      ['S', 'X1', null],
      ['L', null, null],
    ]);
    const b = derive([
      admitted('2025-05-01'),
      discharged('2025-06-10', null, 'PLACE'),
      admitted('2025-06-10', { place: 'K1' }),
    ]);
    expect(columns(b.tables.episodes, 'RNE')).toEqual([['S'], ['B']]);
  });

  it('starts an L episode when the legal status changes during a stay or a family placement, and T with a move the same day', () => {
    const changed = (on: string, ls: string): LoggedFact => ({
      type: 'LegalStatusChanged',
      data: { hubId: 'h1', youngPersonId: 'yp1', bedId: 'planned-1', on, ls, previous: 'V2' },
    });
    const r = derive([
      admitted('2025-05-01'),
      changed('2025-06-01', 'C1'),
      changed('2025-07-01', 'C2'),
      discharged('2025-08-01', 'E4A'),
    ]);
    expect(
      columns(r.tables.episodes, 'DECOM', 'RNE', 'LS', 'DEC', 'REC', 'REASON_PLACE_CHANGE'),
    ).toEqual([
      ['2025-05-01', 'S', 'V2', '2025-06-01', 'X1', null],
      ['2025-06-01', 'L', 'C1', '2025-07-01', 'X1', null],
      ['2025-07-01', 'L', 'C2', '2025-08-01', 'E4A', null],
    ]);
    // On the day of admission it is the admission's legal status, not a new episode.
    const sameDay = derive([admitted('2025-05-01'), changed('2025-05-01', 'C2')]);
    expect(columns(sameDay.tables.episodes, 'RNE', 'LS')).toEqual([['S', 'C2']]);
    const withMove = derive([
      admitted('2025-05-01'),
      changed('2025-06-01', 'C2'),
      discharged('2025-06-01', null, 'CARPL'),
      placedWithFamily('2025-06-01', { ls: 'C2' }),
    ]);
    expect(columns(withMove.tables.episodes, 'RNE', 'LS', 'REC', 'REASON_PLACE_CHANGE')).toEqual([
      ['S', 'V2', 'X1', 'CARPL'],
      ['T', 'C2', null, null],
    ]);
    // With a community family too: the placement goes on, the episode splits (L).
    const withFamily = derive([
      placedWithFamily('2025-05-01', { rne: 'S', ls: 'V2' }),
      {
        type: 'FamilyLegalStatusChanged',
        data: { familyId: 'f1', hubId: 'h1', youngPersonId: 'yp1', on: '2025-06-10', ls: 'C1' },
      },
      familyEnded('2025-09-01', 'E4A'),
    ]);
    expect(
      columns(withFamily.tables.episodes, 'DECOM', 'RNE', 'LS', 'PLACE', 'DEC', 'REC'),
    ).toEqual([
      ['2025-05-01', 'S', 'V2', 'U6', '2025-06-10', 'X1'],
      ['2025-06-10', 'L', 'C1', 'U6', '2025-09-01', 'E4A'],
    ]);
  });

  it('keeps one episode when nothing the return records changed, and counts no stay under 24 hours', () => {
    const same = derive([
      admitted('2025-05-01'),
      discharged('2025-06-10', null),
      admitted('2025-06-10'),
      discharged('2025-07-01', 'E13'),
    ]);
    expect(columns(same.tables.episodes, 'DECOM', 'DEC', 'REC')).toEqual([
      ['2025-05-01', '2025-07-01', 'E13'],
    ]);
    const overnight = derive([admitted('2025-05-01'), discharged('2025-05-01', 'E4A')]);
    expect(overnight.tables.episodes).toEqual([]);
    expect(overnight.tables.header).toEqual([]);
  });

  it('starts a new period S after days out of care, and names a period that ended without its reason', () => {
    const r = derive([
      admitted('2025-05-01'),
      discharged('2025-06-01', null),
      placedWithFamily('2025-07-01'),
    ]);
    expect(columns(r.tables.episodes, 'RNE', 'REC')).toEqual([
      ['S', null],
      ['S', null],
    ]);
    expect(r.problems.map((p) => [p.table, p.field, p.fix])).toEqual([
      ['episodes', 'REC', 'placements'],
    ]);
  });

  it('exports an episode still open on 31 March open, and leaves out what ended before 1 April', () => {
    const r = derive([
      admitted('2024-06-01'),
      discharged('2025-01-10', 'E4A'),
      placedWithFamily('2026-03-01'),
      familyEnded('2026-05-01', 'E13'),
    ]);
    expect(columns(r.tables.episodes, 'DECOM', 'DEC', 'REC')).toEqual([['2026-03-01', null, null]]);
  });

  it('reports missing only while looked after, on UK days, open at 31 March when not back by then', () => {
    const missing = (id: string, startedAt: string): LoggedFact => ({
      type: 'MissingEpisodeReported',
      data: { episodeId: id, youngPersonId: 'yp1', category: 'M', startedAt },
    });
    const back = (id: string, returnedAt: string): LoggedFact => ({
      type: 'YoungPersonReturned',
      data: { episodeId: id, youngPersonId: 'yp1', returnedAt },
    });
    const r = derive([
      missing('before', '2025-04-20T10:00:00Z'),
      admitted('2025-05-01'),
      // 23:30 on 31 May in UTC is 00:30 on 1 June in the UK (summer time).
      missing('m1', '2025-05-31T23:30:00Z'),
      back('m1', '2025-06-02T09:00:00Z'),
      missing('m2', '2026-03-30T20:00:00Z'),
      back('m2', '2026-04-02T09:00:00Z'),
    ]);
    expect(columns(r.tables.missing, 'MISSING', 'MIS_START', 'MIS_END')).toEqual([
      ['M', '2025-06-01', '2025-06-02'],
      ['M', '2026-03-30', null],
    ]);
  });

  it('records OC3 for a care leaver’s birthdays in the year, and names one due or not due', () => {
    // Born 15 June 2008: the 17th birthday, 15 June 2025, is in 2025-26.
    const born2008: LoggedFact = {
      type: 'ReferralReceived',
      data: { youngPersonId: 'yp1', hubId: 'h1', youngPerson: { dateOfBirth: '2008-06-15' } },
    };
    const oc3 = (inTouch: string, activ: string, accom: string): LoggedFact => ({
      type: 'CareLeaverRecordMade',
      data: {
        youngPersonId: 'yp1',
        age: 17,
        birthday: '2025-06-15',
        inTouch,
        activ,
        accom,
        collectionYear: '2025-26',
      },
    });
    const leaver = (events: LoggedFact[]) =>
      deriveSsda903('2025-26', [{ ...child([]), events: [born2008, details(), ...events] }], hubs);
    // Looked after from 15 (2023-09-01) to just after 16 (2024-07-01): over 13 weeks since 14.
    const inCare = [admitted('2023-09-01'), discharged('2024-07-01', 'E5')];
    const made = leaver([...inCare, oc3('NO', '0', '0')]);
    expect(made.tables.oc3).toEqual([
      { CHILD: 'HC0001', DOB: '2008-06-15', IN_TOUCH: 'NO', ACTIV: '0', ACCOM: '0' },
    ]);
    // A care leaver with no episode this year is in the header too (every OC3 child is), and
    // in no other table.
    expect(made.tables.header.map((h) => [h.CHILD, h.DOB])).toEqual([['HC0001', '2008-06-15']]);
    expect([made.tables.episodes, made.tables.missing, made.tables.uasc]).toEqual([[], [], []]);
    expect(made.problems).toEqual([]);
    // Due and not made: named, with the housing page to make it.
    expect(leaver(inCare).problems.map((p) => [p.table, p.fix, p.message])).toEqual([
      ['oc3', 'housing', 'The OC3 record for the 17th birthday (2025-06-15) is not made yet.'],
    ]);
    // Made, but the case holds too little care (ten weeks), or none after 16: not in the return.
    for (const short of [
      [admitted('2024-05-01'), discharged('2024-07-10', 'E5')],
      [admitted('2023-01-01'), discharged('2024-06-01', 'E4A')],
    ]) {
      const r = leaver([...short, oc3('YES', 'F2', 'C1')]);
      expect(r.tables.oc3).toEqual([]);
      expect(r.problems.map((p) => p.fix)).toEqual(['placements']);
    }
    // Adopted: out of the cohort.
    expect(leaver([admitted('2023-09-01'), discharged('2024-07-01', 'E11')]).problems).toEqual([]);
    // Still looked after on the birthday: no OC3.
    const stillIn = leaver([admitted('2023-09-01'), oc3('YES', 'F2', 'C1')]);
    expect(stillIn.tables.oc3).toEqual([]);
  });

  it('writes the UASC table and the mother’s baby, and lists what stands in the way', () => {
    const r = deriveSsda903(
      '2025-26',
      [
        {
          ...child([admitted('2025-05-01')]),
          events: [
            referred,
            details({ mother: '1', babyDateOfBirth: '2025-01-02', uasc: { ceasedOn: null } }),
            admitted('2025-05-01'),
          ],
        },
        {
          youngPersonId: 'yp2',
          hubId: 'h2',
          name: 'Ben Test',
          events: [
            referred,
            { ...admitted('2025-05-01'), data: { ...admitted('2025-05-01').data, hubId: 'h2' } },
          ],
        },
      ],
      new Map([...hubs, ['h2', { hubId: 'h2', name: 'South Hub', laCode: null, ofstedUrn: null }]]),
    );
    expect(columns(r.tables.header, 'CHILD', 'MOTHER', 'MC_DOB')).toEqual([
      ['HC0001', '1', '2025-01-02'],
      [null, null, null],
    ]);
    expect(r.tables.uasc).toEqual([
      { CHILD: 'HC0001', SEX: 'F', DOB: '2010-03-03', DUC: '2028-03-03' },
    ]);
    expect(r.problems.map((p) => [p.name, p.field, p.fix])).toEqual([
      ['Ben Test', 'CHILD', 'return-details'],
      ['Ben Test', 'URN', 'hub-registration'],
      ['South Hub', 'LA', 'hub-registration'],
    ]);
    expect(tableCsv('header', r.tables.header).split('\r\n')[1]).toBe(
      'HC0001,F,03/03/2010,WBRI,UN4,1,02/01/2025',
    );
  });

  it('carries last year’s open episode on field for field, and keeps the header agreeing', () => {
    const lastYear = {
      year: '2024-25',
      header: [
        {
          CHILD: 'HC0001',
          SEX: 'F',
          DOB: '2010-03-03',
          ETHNIC: 'WBRI',
          UPN: 'UN4',
          MOTHER: '0',
          MC_DOB: null,
        },
      ],
      openEpisodes: [
        {
          CHILD: 'HC0001',
          DECOM: '2025-03-01',
          RNE: 'S',
          LS: 'V2',
          CIN: 'N4',
          PLACE: 'K2',
          PLACE_PROVIDER: 'PR1',
          DEC: null,
          REC: null,
          REASON_PLACE_CHANGE: null,
          HOME_POST: 'SO23 8UJ',
          PL_POST: 'SO23 8UJ',
          URN: 'SC123456',
        },
      ],
    };
    const same = deriveSsda903('2025-26', [child([admitted('2025-03-01')])], hubs, lastYear);
    expect(same.problems).toEqual([]);
    // The admission was corrected since: its legal status and start no longer match what was sent.
    const changed = deriveSsda903(
      '2025-26',
      [
        {
          ...child([]),
          events: [referred, details({ ethnicity: 'WIRI' }), admitted('2025-03-02', { ls: 'C2' })],
        },
      ],
      hubs,
      lastYear,
    );
    expect(changed.problems.map((p) => [p.table, p.field])).toEqual([
      ['header', 'ETHNIC'],
      ['episodes', 'DECOM'],
      ['episodes', 'LS'],
    ]);
    // Gone altogether: still said.
    const gone = deriveSsda903('2025-26', [child([])], hubs, lastYear);
    expect(gone.problems.map((p) => p.message)).toEqual([
      'An episode open at the end of 2024-25 (from 2025-03-01) is missing from this year.',
    ]);
  });

  it('keeps the whole period of care: a placement outside the hub before it, and one after', () => {
    const outside = (
      id: string,
      from: string,
      over: Record<string, unknown> = {},
      urn: string | null = null,
    ): LoggedFact => ({
      type: 'PlacementOutsideHubRecorded',
      data: {
        placementId: id,
        youngPersonId: 'yp1',
        hubId: 'h1',
        description: 'Council foster carers',
        from,
        episode: episode({ place: 'U4', placeProvider: 'PR1', postcode: 'BH25 5GU', ...over }),
        urn,
      },
    });
    const ended = (
      id: string,
      on: string,
      rec: string,
      reasonPlaceChange: string | null = null,
    ): LoggedFact => ({
      type: 'PlacementOutsideHubEnded',
      data: { placementId: id, youngPersonId: 'yp1', hubId: 'h1', on, rec, reasonPlaceChange },
    });
    const r = derive([
      outside('o1', '2025-04-10'),
      ended('o1', '2025-05-01', 'X1', 'CARPL'),
      admitted('2025-05-01'),
      discharged('2025-07-01', 'X1', 'CHILD'),
      outside('o2', '2025-07-01', { place: 'K2', placeProvider: 'PR4' }, 'SC654321'),
    ]);
    expect(
      columns(r.tables.episodes, 'DECOM', 'RNE', 'PLACE', 'REC', 'REASON_PLACE_CHANGE', 'URN'),
    ).toEqual([
      ['2025-04-10', 'S', 'U4', 'X1', 'CARPL', NO_URN],
      ['2025-05-01', 'P', 'K2', 'X1', 'CHILD', 'SC123456'],
      ['2025-07-01', 'P', 'K2', null, null, 'SC654321'],
    ]);
    expect(r.problems).toEqual([]);
    // A home with no URN given, and two placements at once, are named.
    const wrong = derive([
      outside('o3', '2025-05-10', { place: 'K2', placeProvider: 'PR4' }),
      admitted('2025-06-01'),
    ]);
    expect(wrong.problems.map((p) => [p.field, p.message])).toEqual([
      ['DECOM', 'Two placements at once: one from 2025-05-10 and another from 2025-06-01.'],
      ['URN', 'The placement from 2025-05-10 (Council foster carers) needs the home’s Ofsted URN.'],
    ]);
  });

  it('refuses UN1 for a child of school age', () => {
    const r = deriveSsda903(
      '2025-26',
      [{ ...child([]), events: [referred, details({ upnReason: 'UN1' }), admitted('2025-05-01')] }],
      hubs,
    );
    expect(r.problems.map((p) => p.field)).toEqual(['UPN']);
  });
});
