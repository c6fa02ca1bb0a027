import { DomainError } from '#kernel';

export { ageOn } from '#kernel';
import { addMonths, PATHWAY_REVIEW_MONTHS } from './case-plan.state.js';
import type { KeyWorkerSpell, OpenCase, YoungPersonCase } from './young-person-case.state.js';

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

/**
 * When a care leaver's pathway plan must next be reviewed: six months after the last pathway
 * review, or after acceptance when there has been none. Null for others and for closed cases.
 */
export function pathwayReviewDue(state: YoungPersonCase): string | null {
  if (state.status !== 'accepted' && state.status !== 'stepped_away') return null;
  if (state.referral.category !== 'care_leaver') return null;
  const last =
    state.plan.reviews.filter((r) => r.kind === 'pathway').at(-1)?.reviewedOn ??
    state.acceptedAt.slice(0, 10);
  return addMonths(last, PATHWAY_REVIEW_MONTHS);
}
