import { codesFor, SAMPLE_POSTCODES, upnCheckLetter } from '#ssda903';
import { followedUp, personWeek } from './person-week.js';
import {
  DAY,
  HOUR,
  isoDate,
  lazy,
  prng,
  type Person,
  type SeedOptions,
  type SeedUser,
  type Step,
} from './steps.js';

export { prng, type SeedOptions, type SeedUser, type Step } from './steps.js';

/**
 * The plan of a synthetic council: what each hub's people do, week by week, as requests to the
 * API at simulated moments. Pure and deterministic for a seed (a small PRNG, no clock, no
 * randomUUID): the same seed gives the same requests with the same idempotency keys, so the
 * handlers derive the same ids. Names are generated from lists of obviously fictional words.
 */

/** The generated names (obviously fictional): given, and family. */
export const GIVEN = [
  'Ash',
  'Blake',
  'Casey',
  'Drew',
  'Ellis',
  'Finley',
  'Gray',
  'Harley',
  'Indy',
  'Jules',
];
export const FAMILY = ['Exampleton', 'Samplewood', 'Testbury', 'Mockley', 'Fictionby', 'Placeholm'];
export const TARGET_PER_HUB = 40;
const WORKERS_PER_HUB = 6;

/** The people of each hub, to sign in as: its manager, then its key workers. */
export interface HubPeople {
  hub: string;
  people: SeedUser[];
}

/**
 * Every hub's set-up, then each simulated week's steps in time order, one week at a time.
 * `people` is told who works in each hub once the hubs are open.
 */
export function* simulate(o: SeedOptions, people?: (hubs: HubPeople[]) => void): Generator<Step[]> {
  const rand = prng(o.seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const admin: SeedUser = {
    id: `seed-${o.seed}-admin`,
    name: 'Generated Admin',
    roles: ['admin'],
    hubs: [],
  };
  // With a council: real postcodes of its area (a generated hub's own is one of them).
  const area = o.la ? (SAMPLE_POSTCODES[o.la] ?? null) : null;
  if (o.la && !area) {
    throw new Error(
      `no sample postcodes for ${o.la}: generated councils are ${Object.keys(SAMPLE_POSTCODES).join(', ')}`,
    );
  }
  const hubs: {
    postcode: string;
    hubId: string | null;
    manager: SeedUser;
    workers: SeedUser[];
    people: Person[];
    referred: number;
  }[] = [];
  const setup: Step[] = [];
  for (let h = 0; h < o.hubs; h++) {
    const hub = {
      postcode: area ? pick(area) : 'ZZ99 3ZZ',
      hubId: null as string | null,
      manager: {
        id: `seed-${o.seed}-h${h}-manager`,
        name: `Manager ${h + 1} (generated)`,
        roles: ['hub_manager'],
        hubs: [] as string[],
      },
      workers: Array.from({ length: WORKERS_PER_HUB }, (_, k) => ({
        id: `seed-${o.seed}-h${h}-kw${k}`,
        name: `${pick(GIVEN)} Keyworker ${h + 1}.${k + 1} (generated)`,
        roles: ['key_worker'],
        hubs: [] as string[],
      })),
      people: [] as Person[],
      referred: 0,
    };
    hubs.push(hub);
    setup.push({
      at: new Date(o.start.getTime() + h * 60_000),
      user: admin,
      method: 'POST',
      path: '/api/hubs',
      body: {
        name: `Generated Hub ${h + 1}`,
        council: 'Generated Council',
        plannedBeds: 6,
        emergencyBeds: 2,
      },
      key: `seed-${o.seed}-hub-${h}`,
      after: (r) => {
        hub.hubId = String(r.hubId);
        for (const u of [hub.manager, ...hub.workers]) u.hubs = [hub.hubId];
      },
    });
    if (o.la) {
      // The council and the hub's (generated) Ofsted number, for the statutory returns.
      setup.push(
        lazy(
          {
            at: new Date(o.start.getTime() + h * 60_000 + 500),
            user: hub.manager,
            method: 'PUT',
            body: { laCode: o.la, ofstedUrn: `SC${String(900000 + o.seed * 10 + h).slice(-6)}` },
            key: `seed-${o.seed}-hub-${h}-registration`,
          },
          () => `/api/hubs/${hub.hubId}/registration`,
        ),
      );
    }
    // The hub's staff list: key workers are allocated from it.
    [hub.manager, ...hub.workers].forEach((u, i) =>
      setup.push(
        lazy(
          {
            at: new Date(o.start.getTime() + h * 60_000 + (i + 1) * 1000),
            user: admin,
            method: 'POST',
            body: {
              name: u.name,
              role: i === 0 ? 'hub_manager' : 'key_worker',
              signIn: u.id,
              from: isoDate(o.start),
            },
            key: `seed-${o.seed}-hub-${h}-staff-${i}`,
          },
          () => `/api/hubs/${hub.hubId}/staff`,
        ),
      ),
    );
  }
  yield setup;
  people?.(
    hubs.map((hub, h) => ({
      hub: `Generated Hub ${h + 1}`,
      people: [hub.manager, ...hub.workers],
    })),
  );

  const weeks = Math.max(1, Math.round(o.years * 52));
  for (let w = 0; w < weeks; w++) {
    const monday = o.start.getTime() + DAY + w * 7 * DAY;
    const steps: Step[] = [];
    const at = (day: number, hour: number) => new Date(monday + day * DAY + hour * HOUR);
    hubs.forEach((hub, h) => {
      const k = (what: string) => `seed-${o.seed}-h${h}-w${w}-${what}`;
      const manager = hub.manager;
      const hubId = () => hub.hubId!;
      // Turnover: people step away after their time, first thing on Monday, before the week's
      // referrals are allocated (so a key worker's caseload is what the plan counts).
      for (const p of hub.people.filter(
        (x) =>
          x.id &&
          w >= x.leaveAfterWeek &&
          x.admittedUntil === null &&
          x.episode === null &&
          !followedUp(x, at(0, 0)),
      )) {
        steps.push({
          at: at(0, 8),
          user: manager,
          method: 'POST',
          path: `/api/young-people/${p.id}/step-away`,
          body: { reason: 'Settled: generated step-away', on: isoDate(at(0, 0)) },
          key: k(`away-${p.n}`),
        });
        hub.people.splice(hub.people.indexOf(p), 1);
      }
      const intake = Math.min(3, TARGET_PER_HUB - hub.people.length);
      for (let i = 0; i < intake; i++) {
        const n = hub.referred++;
        const referredAt = at(0, 9 + i);
        // With a council, a fifth are care leavers: in council foster care from 14, leaving it
        // at 16 a few days before the referral (a month or more past their 16th birthday).
        const leaver = area ? rand() < 0.2 : false;
        const age = leaver ? 16 : 12 + Math.floor(rand() * 6);
        const born = new Date(
          referredAt.getTime() -
            age * 365.25 * DAY -
            Math.floor(rand() * 300) * DAY -
            (leaver ? 30 * DAY : 0),
        );
        const worker = [...hub.workers].sort(
          (a, b) => load(hub.people, a) - load(hub.people, b),
        )[0];
        const p: Person = {
          n,
          id: null,
          born,
          worker,
          since: w,
          leaveAfterWeek: w + 26 + Math.floor(rand() * 78),
          admittedUntil: null,
          planned: false,
          episode: null,
          care: area ? [] : undefined,
        };
        hub.people.push(p);
        steps.push({
          at: referredAt,
          user: manager,
          method: 'POST',
          path: '/api/referrals',
          key: k(`ref-${n}`),
          body: {
            hubId: hubId(),
            category: (area ? leaver : rand() < 0.2) ? 'care_leaver' : 'edge_of_care',
            youngPerson: {
              givenName: pick(GIVEN),
              familyName: `${pick(FAMILY)}-${h + 1}-${n + 1}`,
              dateOfBirth: isoDate(born),
            },
            socialWorker: { name: 'Generated Social Worker', team: `Team ${1 + (n % 4)}` },
            reason: 'Generated referral',
          },
          after: (r) => (p.id = String(r.youngPersonId)),
        });
        steps.push(
          lazy(
            {
              at: new Date(referredAt.getTime() + HOUR / 2),
              user: manager,
              method: 'POST',
              key: k(`accept-${n}`),
              body: {},
            },
            () => `/api/young-people/${p.id}/accept`,
          ),
        );
        // For the outcomes: the year before referral, and what they are doing at referral.
        const counts = {
          missingEpisodes: Math.floor(rand() * 8),
          arrests: Math.floor(rand() * 3),
          placements: Math.floor(rand() * 3),
          residentialNights: rand() < 0.2 ? Math.floor(rand() * 60) : 0,
          exclusions: Math.floor(rand() * 2),
        };
        const sixteen = age >= 16;
        steps.push(
          lazy(
            {
              at: new Date(referredAt.getTime() + (2 * HOUR) / 3),
              user: manager,
              method: 'POST',
              key: k(`baseline-${n}`),
              body: { ...counts, source: 'Generated: police and children’s services records' },
            },
            () => `/api/young-people/${p.id}/outcomes/baseline`,
          ),
          lazy(
            {
              at: new Date(referredAt.getTime() + (7 * HOUR) / 10),
              user: manager,
              method: 'POST',
              key: k(`ete-${n}`),
              body: {
                status: sixteen
                  ? pick(['education', 'training', 'employment', 'neet', 'neet'])
                  : pick(['school', 'school', 'school_part_time', 'not_attending', 'excluded']),
                from: isoDate(referredAt),
              },
            },
            () => `/api/young-people/${p.id}/outcomes/education`,
          ),
        );
        if (area) {
          // What the SSDA903 return needs: a child id, sex, ethnicity, a UPN with its check
          // letter (or, now and then, why there is none), category of need, home postcode.
          const sex = rand() < 0.5 ? 'F' : 'M';
          const digits = Array.from({ length: 9 }, () => Math.floor(rand() * 10)).join('');
          const rest = `850${digits}`;
          steps.push(
            lazy(
              {
                at: new Date(referredAt.getTime() + (3 * HOUR) / 4),
                user: manager,
                method: 'POST',
                key: k(`details-${n}`),
                body: {
                  childId: `G${o.seed % 100}H${h}N${n}`.slice(0, 10),
                  sex,
                  ethnicity: pick(codesFor('ETHNIC').filter((c) => c !== 'REFU' && c !== 'NOBT')),
                  ...(rand() < 0.9 ? { upn: upnCheckLetter(rest) + rest } : { upnReason: 'UN4' }),
                  ...(sex === 'F' ? { mother: '0' } : {}),
                  cin: pick(codesFor('CIN')),
                  homePostcode: pick(area),
                },
              },
              () => `/api/young-people/${p.id}/return-details`,
            ),
          );
        }
        if (area && leaver) {
          // Their time in council foster care, ended with independent living (with support).
          const from = new Date(born.getTime() + (14 * 365.25 + 100 + rand() * 200) * DAY);
          const left = new Date(referredAt.getTime() - (2 + Math.floor(rand() * 20)) * DAY);
          p.care!.push({ start: isoDate(from), end: isoDate(left), rec: 'E5' });
          steps.push(
            lazy(
              {
                at: new Date(referredAt.getTime() + (5 * HOUR) / 6),
                user: manager,
                method: 'POST',
                key: k(`before-${n}`),
                body: {
                  description: 'Council foster carers (generated)',
                  from: isoDate(from),
                  episode: {
                    rne: 'S',
                    ls: 'C2',
                    place: 'U6',
                    placeProvider: 'PR1',
                    postcode: pick(area),
                    outOfArea: false,
                  },
                  end: { on: isoDate(left), rec: 'E5' },
                },
              },
              () => `/api/young-people/${p.id}/placements-outside`,
            ),
          );
        }
        steps.push(
          lazy(
            {
              at: new Date(referredAt.getTime() + HOUR),
              user: manager,
              method: 'POST',
              key: k(`kw-${n}`),
              body: { workerId: worker.id, workerName: worker.name },
            },
            () => `/api/young-people/${p.id}/key-worker`,
          ),
        );
      }
      for (const p of hub.people) {
        steps.push(
          ...personWeek(p, {
            w,
            at,
            k,
            manager,
            hubId,
            rand,
            pick,
            admitted: () => hub.people.filter((x) => x.admittedUntil !== null).length,
            postcode: hub.postcode,
            areaPostcodes: area,
          }),
        );
      }
    });
    steps.sort((a, b) => a.at.getTime() - b.at.getTime());
    yield steps;
  }
}

const load = (people: Person[], u: SeedUser) => people.filter((p) => p.worker === u).length;
