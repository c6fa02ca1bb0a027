import { DomainError } from '../../libs/platform/src/domain-error.js';
import type { ReferralReceived, YoungPersonEvent } from './young-people.events.js';

export interface KeyWorkerSpell {
  workerId: string;
  workerName: string;
  from: string;
  to: string | null;
}

type Referral = ReferralReceived['data'];

export interface Consent {
  visitorId: string;
  visitorName: string;
  since: string;
}

interface Common {
  referral: Referral;
  /** Consents in force for independent visitors to see this record. */
  consents: Consent[];
}

/** One young person's case, folded from their stream. */
export type YoungPersonCase =
  | { status: 'none' }
  | ({ status: 'referred' } & Common)
  | ({ status: 'declined'; declineReason: string; declinedAt: string } & Common)
  | ({ status: 'accepted'; acceptedAt: string; keyWorkers: KeyWorkerSpell[] } & Common);

export const initialCase = (): YoungPersonCase => ({ status: 'none' });

export function evolveCase(state: YoungPersonCase, event: YoungPersonEvent): YoungPersonCase {
  switch (event.type) {
    case 'ReferralReceived':
      return { status: 'referred', referral: event.data, consents: [] };
    case 'ReferralAccepted':
      return state.status === 'referred'
        ? {
            status: 'accepted',
            referral: state.referral,
            consents: state.consents,
            acceptedAt: event.data.acceptedAt,
            keyWorkers: [],
          }
        : state;
    case 'ReferralDeclined':
      return state.status === 'referred'
        ? {
            status: 'declined',
            referral: state.referral,
            consents: state.consents,
            declineReason: event.data.reason,
            declinedAt: event.data.declinedAt,
          }
        : state;
    case 'ConsentGranted':
      return state.status === 'none'
        ? state
        : {
            ...state,
            consents: [
              ...state.consents.filter((c) => c.visitorId !== event.data.visitorId),
              {
                visitorId: event.data.visitorId,
                visitorName: event.data.visitorName,
                since: event.data.grantedAt,
              },
            ],
          };
    case 'ConsentRevoked':
      return state.status === 'none'
        ? state
        : {
            ...state,
            consents: state.consents.filter((c) => c.visitorId !== event.data.visitorId),
          };
    case 'KeyWorkerAllocated': {
      if (state.status !== 'accepted') return state;
      const ended = state.keyWorkers.map((s) =>
        s.to === null ? { ...s, to: event.data.allocatedAt } : s,
      );
      return {
        ...state,
        keyWorkers: [
          ...ended,
          {
            workerId: event.data.workerId,
            workerName: event.data.workerName,
            from: event.data.allocatedAt,
            to: null,
          },
        ],
      };
    }
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}

export function currentKeyWorker(state: YoungPersonCase): KeyWorkerSpell | null {
  if (state.status !== 'accepted') return null;
  return state.keyWorkers.find((s) => s.to === null) ?? null;
}

/** Whole years between a date of birth (YYYY-MM-DD) and an instant, in UTC. */
export function ageOn(dateOfBirth: string, instant: string): number {
  const [y, m, d] = dateOfBirth.split('-').map(Number);
  const on = new Date(instant);
  let age = on.getUTCFullYear() - y;
  const beforeBirthday =
    on.getUTCMonth() + 1 < m || (on.getUTCMonth() + 1 === m && on.getUTCDate() < d);
  if (beforeBirthday) age -= 1;
  return age;
}

export type OpenCase = Exclude<YoungPersonCase, { status: 'none' }>;

/** The case, or `YOUNG_PERSON.NOT_FOUND`. */
export function existingCase(state: YoungPersonCase, youngPersonId: string): OpenCase {
  if (state.status === 'none') {
    throw new DomainError('YOUNG_PERSON.NOT_FOUND', `no young person ${youngPersonId}`, 404);
  }
  return state;
}

/** The referral if it awaits a decision, or `YOUNG_PERSON.NOT_REFERRED`. */
export function awaitingDecision(
  state: YoungPersonCase,
  youngPersonId: string,
  decision: 'accepted' | 'declined',
): Extract<YoungPersonCase, { status: 'referred' }> {
  const open = existingCase(state, youngPersonId);
  if (open.status !== 'referred') {
    throw new DomainError(
      'YOUNG_PERSON.NOT_REFERRED',
      `the referral was already ${open.status}; only a referral awaiting a decision can be ${decision}`,
    );
  }
  return open;
}
