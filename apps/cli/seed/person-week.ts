import { birthdayAt } from '#kernel';
import { oc3DueOn } from '../../../src/returns/index.js';
import { DAY, HOUR, isoDate, lazy, type Person, type SeedUser, type Step } from './steps.js';

/**
 * A care leaver (by the care the seed gave them, read by the return's own rule) under 21 is
 * followed up by the hub: their case stays open, for the OC3 record at each birthday.
 */
export function followedUp(p: Person, now: Date): boolean {
  const day = isoDate(now);
  return (
    p.care !== undefined &&
    day < birthdayAt(isoDate(p.born), 21) &&
    oc3DueOn(p.care, isoDate(p.born), day)
  );
}

export interface WeekContext {
  w: number;
  at: (day: number, hour: number) => Date;
  k: (what: string) => string;
  manager: SeedUser;
  hubId: () => string;
  rand: () => number;
  pick: <T>(xs: readonly T[]) => T;
  /** How many of the hub's people are in a bed now. */
  admitted: () => number;
  /** The hub's postcode, for its beds' SSDA903 episodes. */
  postcode: string;
  /** With a council (`--la`): postcodes of its area, for placements before the hub. */
  areaPostcodes: readonly string[] | null;
}

/**
 * One person's week: a contact from their key worker, a plan review every six weeks, now and
 * then a short stay in a hub bed or a missing episode with its return and interview, and at 16 a
 * housing plan (sometimes a move home).
 */
export function personWeek(
  p: Person,
  { w, at, k, manager, hubId, rand, pick, admitted, postcode, areaPostcodes }: WeekContext,
): Step[] {
  const steps: Step[] = [];
  const path = (suffix: string) => () => `/api/young-people/${p.id}${suffix}`;
  const contactAt = at(Math.floor(rand() * 5), 10 + Math.floor(rand() * 6));
  // Not in the week of the referral: the key worker is allocated that morning.
  if (w > p.since)
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
  if (p.lsChangeWeek === w && p.admittedUntil !== null) {
    // A care order made during the stay: the episode splits on a new legal status.
    steps.push(
      lazy(
        {
          at: at(3, 10),
          user: manager,
          method: 'POST',
          key: k(`ls-${p.n}`),
          body: { on: isoDate(at(3, 0)), ls: 'C1' },
        },
        () => `/api/hubs/${hubId()}/admissions/${p.id}/legal-status`,
      ),
    );
  }
  if (p.admittedUntil === w) {
    const stay = p.care?.at(-1);
    if (stay) Object.assign(stay, { end: isoDate(at(1, 0)), rec: 'E4A' });
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
            // Home with the hub's outreach: looked after no longer, as planned.
            rec: 'E4A',
          },
        },
        () => `/api/hubs/${hubId()}/admissions/${p.id}/discharge`,
      ),
    );
    p.admittedUntil = null;
  } else if (p.admittedUntil === null && w > p.since && rand() < 0.03 && admitted() < 6) {
    // Never past their planned leaving, unless followed up beyond it (then a week or more).
    p.admittedUntil = Math.max(w + 1, Math.min(w + 1 + Math.floor(rand() * 4), p.leaveAfterWeek));
    p.admissions = (p.admissions ?? 0) + 1;
    // With a council, a third come to their first hub bed from council foster carers: a
    // placement before the hub that ends the day they come (X1: care goes on in the hub).
    // (Not a care leaver: their foster care ended before the hub.)
    if (areaPostcodes && p.admissions === 1 && rand() < 0.33 && !p.care?.length) {
      const came = at(2, 0);
      const from = new Date(came.getTime() - (30 + Math.floor(rand() * 90)) * DAY);
      p.care?.push({ start: isoDate(from), end: isoDate(came), rec: 'X1' });
      steps.push(
        lazy(
          {
            at: at(2, 11),
            user: manager,
            method: 'POST',
            key: k(`foster-${p.n}`),
            body: {
              description: 'Council foster carers (generated)',
              from: isoDate(from),
              episode: {
                rne: 'S',
                // The hub bed goes on under the same legal status: the new episode says P (other carers).
                ls: 'V2',
                place: 'U6',
                placeProvider: 'PR1',
                postcode: pick(areaPostcodes),
                outOfArea: false,
              },
              end: { on: isoDate(came), rec: 'X1', reasonPlaceChange: 'CARPL' },
            },
          },
          path('/placements-outside'),
        ),
      );
    }
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
              // With a council, accommodated under section 20; some get a care order during the stay.
              ls: areaPostcodes ? 'V2' : 'C2',
              place: 'K2',
              placeProvider: 'PR1',
              postcode,
              outOfArea: false,
            },
          },
        },
        () => `/api/hubs/${hubId()}/admissions`,
        true,
        p,
      ),
    );
    p.care?.push({ start: isoDate(at(2, 0)), end: null, rec: null });
    if (areaPostcodes && p.admittedUntil >= w + 2 && rand() < 0.5) p.lsChangeWeek = w + 1;
  }
  if (p.care && w > p.since) steps.push(...oc3Records(p, at, k, manager, rand, pick));
  // Now and then an arrest, recorded by their key worker the day after.
  if (w > p.since && rand() < 0.01) {
    const on = at(Math.floor(rand() * 5), 0);
    steps.push(
      lazy(
        {
          at: new Date(on.getTime() + DAY + 10 * HOUR),
          user: p.worker,
          method: 'POST',
          key: k(`arrest-${p.n}`),
          body: { kind: pick(['arrest', 'arrest', 'caution']), on: isoDate(on) },
        },
        path('/outcomes/justice'),
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
  return steps;
}

/**
 * The OC3 record at a 17th to 21st birthday in this week, for a care leaver not in a bed that day
 * (the return's own rule): mostly in touch, with what they do and where they live.
 */
function oc3Records(
  p: Person,
  at: (day: number, hour: number) => Date,
  k: (what: string) => string,
  manager: SeedUser,
  rand: () => number,
  pick: <T>(xs: readonly T[]) => T,
): Step[] {
  const dob = isoDate(p.born);
  const monday = at(0, 0).getTime();
  const steps: Step[] = [];
  for (let age = 17; age <= 21; age++) {
    const birthday = birthdayAt(dob, age);
    const day = Math.floor((Date.parse(birthday) - monday) / DAY);
    if (day < 0 || day > 6 || !oc3DueOn(p.care!, dob, birthday)) continue;
    const inTouch = rand() < 0.85;
    steps.push(
      lazy(
        {
          at: at(day, 15),
          user: manager,
          method: 'POST',
          key: k(`oc3-${p.n}-${age}`),
          body: {
            age,
            inTouch: inTouch ? 'YES' : 'NO',
            ...(inTouch
              ? {
                  activ: pick(['F2', 'F4', 'P2', 'F5', 'G4']),
                  accom: pick(['D1', 'E1', 'U1', 'B1']),
                }
              : {}),
          },
        },
        () => `/api/young-people/${p.id}/care-leaver-records`,
      ),
    );
  }
  return steps;
}
