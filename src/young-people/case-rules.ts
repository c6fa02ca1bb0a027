import { DomainError } from '#kernel';

export { ageOn } from '#kernel';
import type { KeyWorkerSpell, OpenCase, YoungPersonCase } from './young-person-case.js';

/** Rules several deciders share: pure functions of a case. */

export function currentKeyWorker(state: YoungPersonCase): KeyWorkerSpell | null {
  if (state.status !== 'accepted' && state.status !== 'stepped_away') return null;
  return state.keyWorkers.find((s) => s.to === null) ?? null;
}

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
