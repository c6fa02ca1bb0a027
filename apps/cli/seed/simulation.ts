/**
 * The plan of a synthetic council: what each hub's people do, week by week, as requests to the
 * API at simulated moments. Pure and deterministic for a seed (a small PRNG, no clock, no
 * randomUUID): the same seed gives the same requests with the same idempotency keys, so the
 * handlers derive the same ids. Names are generated from lists of obviously fictional words.
 */

export interface SeedUser {
  id: string;
  name: string;
  roles: string[];
  hubs: string[];
}

/** One request at a simulated moment; `after` reads the response (ids the next steps need). */
export interface Step {
  at: Date;
  user: SeedUser;
  method: 'POST' | 'PUT';
  path: string;
  body: unknown;
  key: string;
  after?: (response: Record<string, unknown>) => void;
}

export interface SeedOptions {
  hubs: number;
  years: number;
  seed: number;
  start: Date;
}

/** mulberry32: a tiny, well-known 32-bit PRNG; enough for reproducible synthetic data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GIVEN = [
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
const FAMILY = ['Exampleton', 'Samplewood', 'Testbury', 'Mockley', 'Fictionby', 'Placeholm'];
const DAY = 86_400_000;
const HOUR = 3_600_000;
const isoDate = (d: Date) => d.toISOString().slice(0, 10);
export const TARGET_PER_HUB = 40;
const WORKERS_PER_HUB = 6;

interface Person {
  n: number;
  id: string | null;
  born: Date;
  worker: SeedUser;
  since: number;
  leaveAfterWeek: number;
  admittedUntil: number | null;
  planned: boolean;
  episode: string | null;
}

/** Every hub's set-up, then each simulated week's steps in time order, one week at a time. */
export function* simulate(o: SeedOptions): Generator<Step[]> {
  const rand = prng(o.seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const admin: SeedUser = {
    id: `seed-${o.seed}-admin`,
    name: 'Generated Admin',
    roles: ['admin'],
    hubs: [],
  };
  const hubs: {
    hubId: string | null;
    manager: SeedUser;
    workers: SeedUser[];
    people: Person[];
    referred: number;
  }[] = [];
  const setup: Step[] = [];
  for (let h = 0; h < o.hubs; h++) {
    const hub = {
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
  }
  yield setup;

  const weeks = Math.max(1, Math.round(o.years * 52));
  for (let w = 0; w < weeks; w++) {
    const monday = o.start.getTime() + DAY + w * 7 * DAY;
    const steps: Step[] = [];
    const at = (day: number, hour: number) => new Date(monday + day * DAY + hour * HOUR);
    hubs.forEach((hub, h) => {
      const k = (what: string) => `seed-${o.seed}-h${h}-w${w}-${what}`;
      const manager = hub.manager;
      const hubId = () => hub.hubId!;
      // Turnover: people step away after their time; places refill from referrals.
      for (const p of hub.people.filter(
        (x) => x.id && w >= x.leaveAfterWeek && x.admittedUntil === null && x.episode === null,
      )) {
        steps.push({
          at: at(0, 16),
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
        const age = 12 + Math.floor(rand() * 6);
        const born = new Date(
          referredAt.getTime() - age * 365.25 * DAY - Math.floor(rand() * 300) * DAY,
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
            category: rand() < 0.2 ? 'care_leaver' : 'edge_of_care',
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
        const path = (suffix: string) => () => `/api/young-people/${p.id}${suffix}`;
        const contactAt = at(Math.floor(rand() * 5), 10 + Math.floor(rand() * 6));
        steps.push(
          lazy(
            {
              at: new Date(contactAt.getTime() + HOUR),
              user: p.worker,
              method: 'POST',
              key: k(`contact-${p.n}`),
              body: {
                occurredAt: contactAt.toISOString(),
                kind: pick(['face_to_face', 'face_to_face', 'phone', 'video'] as const),
                location: 'Generated place',
                notes: 'Generated contact: talked about the week',
              },
            },
            path('/contacts'),
          ),
        );
        if (w > p.since && (w - p.since) % 6 === 0) {
          steps.push(
            lazy(
              {
                at: at(2, 14),
                user: manager,
                method: 'POST',
                key: k(`review-${p.n}`),
                body: { kind: 'support', reviewedOn: isoDate(at(2, 0)), notes: 'Generated review' },
              },
              path('/plan/reviews'),
            ),
          );
        }
        if (p.admittedUntil === w) {
          steps.push(
            lazy(
              {
                at: at(1, 11),
                user: manager,
                method: 'POST',
                key: k(`discharge-${p.n}`),
                body: {
                  on: isoDate(at(1, 0)),
                  destination: 'outreach_support',
                  reason: 'Generated discharge',
                },
              },
              () => `/api/hubs/${hubId()}/admissions/${p.id}/discharge`,
            ),
          );
          p.admittedUntil = null;
        } else if (
          p.admittedUntil === null &&
          w > p.since &&
          rand() < 0.03 &&
          hub.people.filter((x) => x.admittedUntil !== null).length < 6
        ) {
          p.admittedUntil = Math.min(w + 1 + Math.floor(rand() * 4), p.leaveAfterWeek);
          steps.push(
            lazy(
              {
                at: at(2, 12),
                user: manager,
                method: 'POST',
                key: k(`admit-${p.n}`),
                body: {
                  youngPersonId: '',
                  from: isoDate(at(2, 0)),
                  episode: {
                    rne: 'S',
                    ls: 'C2',
                    place: 'K2',
                    placeProvider: 'PR1',
                    postcode: 'ZZ99 3ZZ',
                    outOfArea: false,
                  },
                },
              },
              () => `/api/hubs/${hubId()}/admissions`,
              true,
              p,
            ),
          );
        }
        if (w > p.since && rand() < 0.03) {
          const gone = at(4, 22);
          steps.push(
            lazy(
              {
                at: new Date(gone.getTime() + HOUR / 2),
                user: p.worker,
                method: 'POST',
                key: k(`missing-${p.n}`),
                body: {
                  category: 'M',
                  startedAt: gone.toISOString(),
                  policeInformed: true,
                  circumstances: 'Generated: did not come home',
                },
                after: (r) => (p.episode = String(r.episodeId)),
              },
              path('/missing-episodes'),
            ),
          );
          const back = at(5, 9);
          steps.push(
            lazy(
              {
                at: new Date(back.getTime() + HOUR / 2),
                user: p.worker,
                method: 'POST',
                key: k(`return-${p.n}`),
                body: {
                  returnedAt: back.toISOString(),
                  whereFound: 'Generated: at a friend’s home',
                },
              },
              () => `/api/young-people/${p.id}/missing-episodes/${p.episode}/return`,
            ),
          );
          const offer = at(5, 14);
          steps.push(
            lazy(
              {
                at: offer,
                user: p.worker,
                method: 'POST',
                key: k(`offer-${p.n}`),
                body: { outcome: 'offered', at: offer.toISOString() },
              },
              () => `/api/young-people/${p.id}/missing-episodes/${p.episode}/return-interview`,
            ),
          );
          const talk = at(6, 11);
          steps.push(
            lazy(
              {
                at: talk,
                user: p.worker,
                method: 'POST',
                key: k(`interview-${p.n}`),
                body: { outcome: 'completed', at: talk.toISOString(), by: p.worker.name },
                after: () => (p.episode = null),
              },
              () => `/api/young-people/${p.id}/missing-episodes/${p.episode}/return-interview`,
            ),
          );
        }
        const age = (at(3, 0).getTime() - p.born.getTime()) / (365.25 * DAY);
        if (age >= 16 && !p.planned && w > p.since) {
          p.planned = true;
          steps.push(
            lazy(
              {
                at: at(3, 15),
                user: manager,
                method: 'POST',
                key: k(`plan-${p.n}`),
                body: { targetMoves: [{ to: 'Supported lodgings', by: isoDate(at(180, 0)) }] },
              },
              path('/housing/plan'),
            ),
          );
          if (rand() < 0.5) {
            steps.push(
              lazy(
                {
                  at: at(4, 15),
                  user: manager,
                  method: 'POST',
                  key: k(`move-${p.n}`),
                  body: {
                    accommodation: 'with_family',
                    on: isoDate(at(4, 0)),
                    reason: 'Generated: back with family',
                    planned: true,
                  },
                },
                path('/housing/moves'),
              ),
            );
          }
        }
      }
    });
    steps.sort((a, b) => a.at.getTime() - b.at.getTime());
    yield steps;
  }
}

const load = (people: Person[], u: SeedUser) => people.filter((p) => p.worker === u).length;

/** A step whose path (and admission body) is read when it runs, after earlier steps set ids. */
function lazy(s: Omit<Step, 'path'>, path: () => string, admit = false, p?: Person): Step {
  const step = { ...s } as Step;
  Object.defineProperty(step, 'path', { get: path, enumerable: true });
  if (admit && p) {
    Object.defineProperty(step, 'body', {
      get: () => ({ ...(s.body as object), youngPersonId: p.id }),
      enumerable: true,
    });
  }
  return step;
}
