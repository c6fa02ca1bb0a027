import type { Decider } from '#kernel';
import { DomainError } from '#kernel';
import type { GoalStatus, PlanKind, PortfolioArea } from '../plan-and-closure.events.js';
import type { YoungPersonEvent } from '../young-people.events.js';
import { evolveCase, initialCase, type YoungPersonCase } from '../young-person-case.state.js';
import { existingCase } from '../case-rules.state.js';

export interface SetGoal {
  youngPersonId: string;
  goalId: string;
  area: PortfolioArea;
  description: string;
  targetDate: string;
  now: string;
}

export interface ChangeGoalStatus {
  youngPersonId: string;
  goalId: string;
  status: GoalStatus;
  note: string | null;
  now: string;
}

export interface ReviewPlan {
  youngPersonId: string;
  kind: PlanKind;
  reviewedOn: string;
  notes: string;
  now: string;
}

function activeCase(state: YoungPersonCase, youngPersonId: string) {
  const open = existingCase(state, youngPersonId);
  if (open.status !== 'accepted' && open.status !== 'stepped_away') {
    throw new DomainError(
      'YOUNG_PERSON.NOT_ACCEPTED',
      `plans belong to an open case; this one is ${open.status}`,
    );
  }
  return open;
}

export function decideSetGoal(command: SetGoal, state: YoungPersonCase): YoungPersonEvent[] {
  activeCase(state, command.youngPersonId);
  if (command.targetDate < command.now.slice(0, 10)) {
    throw new DomainError(
      'GOAL.TARGET_IN_PAST',
      'a new goal’s target date is today or later',
      422,
      'targetDate',
    );
  }
  return [
    {
      type: 'GoalSet',
      data: {
        youngPersonId: command.youngPersonId,
        goalId: command.goalId,
        area: command.area,
        description: command.description.trim(),
        targetDate: command.targetDate,
        setAt: command.now,
      },
    },
  ];
}

export function decideChangeGoalStatus(
  command: ChangeGoalStatus,
  state: YoungPersonCase,
): YoungPersonEvent[] {
  const open = activeCase(state, command.youngPersonId);
  const goal = open.plan.goals.find((g) => g.goalId === command.goalId);
  if (!goal)
    throw new DomainError(
      'GOAL.NOT_FOUND',
      `no goal ${command.goalId} in this plan`,
      404,
      'goalId',
    );
  if (goal.status === command.status) {
    throw new DomainError(
      'GOAL.STATUS_UNCHANGED',
      `the goal is already ${goal.status}`,
      409,
      'status',
    );
  }
  return [
    {
      type: 'GoalStatusChanged',
      data: {
        youngPersonId: command.youngPersonId,
        goalId: command.goalId,
        status: command.status,
        note: command.note?.trim() || null,
        changedAt: command.now,
      },
    },
  ];
}

export function decideReviewPlan(command: ReviewPlan, state: YoungPersonCase): YoungPersonEvent[] {
  const open = activeCase(state, command.youngPersonId);
  if (command.kind === 'pathway' && open.referral.category !== 'care_leaver') {
    throw new DomainError(
      'PLAN.NOT_A_CARE_LEAVER',
      'pathway plans are for care leavers',
      422,
      'kind',
    );
  }
  if (command.reviewedOn > command.now.slice(0, 10)) {
    throw new DomainError(
      'PLAN.REVIEW_IN_FUTURE',
      'record a review once it has happened',
      422,
      'reviewedOn',
    );
  }
  const last = open.plan.reviews.filter((r) => r.kind === command.kind).at(-1);
  if (last && command.reviewedOn < last.reviewedOn) {
    // Reviews are recorded in date order, so the latest recorded is the one the next is due from.
    throw new DomainError(
      'PLAN.REVIEW_OUT_OF_ORDER',
      `the last ${command.kind} plan review recorded was on ${last.reviewedOn}`,
      422,
      'reviewedOn',
    );
  }
  return [
    {
      type: 'PlanReviewed',
      data: {
        youngPersonId: command.youngPersonId,
        kind: command.kind,
        reviewedOn: command.reviewedOn,
        notes: command.notes.trim(),
        recordedAt: command.now,
      },
    },
  ];
}

const decider = <C>(
  decide: (c: C, s: YoungPersonCase) => YoungPersonEvent[],
): Decider<C, YoungPersonEvent, YoungPersonCase> => ({
  decide,
  evolve: evolveCase,
  initialState: initialCase,
});

export const setGoal = decider(decideSetGoal);
export const changeGoalStatus = decider(decideChangeGoalStatus);
export const reviewPlan = decider(decideReviewPlan);
