import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { EventStore } from '#event-store';
import { EVENT_STORE } from '#platform';
import { DomainError, fold } from '#kernel';
import type { Plan } from '../case-plan.state.js';
import { pathwayReviewDue } from '../case-rules.state.js';
import type { ReferralDetailsCorrected } from '../plan-and-closure.events.js';
import { youngPersonStreamId, type YoungPersonEvent } from '../young-people.events.js';
import {
  evolveCase,
  initialCase,
  type Consent,
  type KeyWorkerSpell,
  type RepeatReferral,
  type StatusChange,
  type TeamMember,
  type YoungPersonCase,
} from '../young-person-case.state.js';
import { currentKeyWorker } from '../case-rules.state.js';

export interface CaseSummary {
  youngPersonId: string;
  hubId: string;
  status: 'referred' | 'accepted' | 'declined' | 'stepped_away' | 'closed';
  category: string;
  youngPerson: { givenName: string; familyName: string; dateOfBirth: string };
  socialWorker: { name: string; team: string };
  referralReason: string;
  referredAt: string;
  acceptedAt: string | null;
  declined: { reason: string; at: string } | null;
  keyWorker: KeyWorkerSpell | null;
  keyWorkerHistory: KeyWorkerSpell[];
  /** Independent visitors the young person has consented to. */
  consents: Consent[];
  screeningNotes: { note: string; at: string }[];
  /** The team around the young person now. */
  team: TeamMember[];
  /** Everyone who was in the team and has left, with dates and why. */
  formerTeam: TeamMember[];
  steppedAway: { on: string; reason: string } | null;
  /** Every change of status, oldest first. */
  statusHistory: StatusChange[];
  /** Later referrals recorded on this case, possible duplicates among them. */
  repeatReferrals: RepeatReferral[];
  /** The support plan's goals (each in one portfolio area) and the reviews of the plans. */
  plan: Plan;
  /** Care leavers: the date the pathway plan must next be reviewed by (null for others). */
  pathwayReviewDue: string | null;
  /** Corrections of the referral details (the fields above show the corrected values). */
  corrections: Omit<ReferralDetailsCorrected['data'], 'youngPersonId'>[];
  closed: { at: string; reason: string } | null;
  /** The stream revision this summary was folded from (also the ETag). */
  revision: number;
}

export class GetCaseSummary extends Query<CaseSummary> {
  constructor(readonly youngPersonId: string) {
    super();
  }
}

/** The case summary is folded from the case's own stream, so it is never stale. */
@QueryHandler(GetCaseSummary)
export class GetCaseSummaryHandler implements IQueryHandler<GetCaseSummary> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ youngPersonId }: GetCaseSummary): Promise<CaseSummary> {
    const events = await this.store.readStream(youngPersonStreamId(youngPersonId));
    const state = fold<YoungPersonEvent, YoungPersonCase>(
      { evolve: evolveCase, initialState: initialCase },
      events,
    );
    if (state.status === 'none') {
      throw new DomainError('YOUNG_PERSON.NOT_FOUND', `no young person ${youngPersonId}`, 404);
    }
    return toCaseSummary(state, events[events.length - 1].revision);
  }
}

export function toCaseSummary(
  state: Exclude<YoungPersonCase, { status: 'none' }>,
  revision: number,
): CaseSummary {
  const r = state.referral;
  const allocated = 'keyWorkers' in state ? state : null;
  return {
    youngPersonId: r.youngPersonId,
    hubId: r.hubId,
    status: state.status,
    category: r.category,
    youngPerson: { ...r.youngPerson },
    socialWorker: { ...r.socialWorker },
    referralReason: r.reason,
    referredAt: r.referredAt,
    acceptedAt: allocated?.acceptedAt ?? null,
    declined:
      state.status === 'declined' ? { reason: state.declineReason, at: state.declinedAt } : null,
    keyWorker: currentKeyWorker(state),
    keyWorkerHistory: allocated?.keyWorkers ?? [],
    consents: state.consents,
    screeningNotes: state.screeningNotes,
    team: state.team.filter((m) => m.to === null),
    formerTeam: state.team.filter((m) => m.to !== null),
    steppedAway:
      state.status === 'stepped_away'
        ? { on: state.steppedAwayOn, reason: state.stepAwayReason }
        : null,
    statusHistory: state.statusHistory,
    repeatReferrals: state.repeatReferrals,
    plan: state.plan,
    pathwayReviewDue: pathwayReviewDue(state),
    corrections: state.corrections.map(({ youngPersonId: _id, ...c }) => c),
    closed: state.status === 'closed' ? { at: state.closedAt, reason: state.closeReason } : null,
    revision,
  };
}
