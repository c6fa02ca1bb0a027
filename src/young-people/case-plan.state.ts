import type {
  GoalSet,
  GoalStatus,
  GoalStatusChanged,
  PlanKind,
  PlanReviewed,
  PortfolioArea,
} from './plan-and-closure.events.js';

export interface Goal {
  goalId: string;
  area: PortfolioArea;
  description: string;
  targetDate: string;
  status: GoalStatus;
  /** Every change of status, oldest first. */
  history: { status: GoalStatus; at: string; note: string | null }[];
}

export interface PlanReview {
  kind: PlanKind;
  reviewedOn: string;
  notes: string;
}

export interface Plan {
  goals: Goal[];
  reviews: PlanReview[];
}

export const emptyPlan = (): Plan => ({ goals: [], reviews: [] });

export function evolvePlan(plan: Plan, event: GoalSet | GoalStatusChanged | PlanReviewed): Plan {
  switch (event.type) {
    case 'GoalSet': {
      const { youngPersonId: _id, setAt, ...goal } = event.data;
      return {
        ...plan,
        goals: [
          ...plan.goals,
          {
            ...goal,
            status: 'not_started',
            history: [{ status: 'not_started', at: setAt, note: null }],
          },
        ],
      };
    }
    case 'GoalStatusChanged':
      return {
        ...plan,
        goals: plan.goals.map((g) =>
          g.goalId === event.data.goalId
            ? {
                ...g,
                status: event.data.status,
                history: [
                  ...g.history,
                  { status: event.data.status, at: event.data.changedAt, note: event.data.note },
                ],
              }
            : g,
        ),
      };
    case 'PlanReviewed': {
      const { kind, reviewedOn, notes } = event.data;
      return { ...plan, reviews: [...plan.reviews, { kind, reviewedOn, notes }] };
    }
    default: {
      const _exhaustive: never = event;
      return plan;
    }
  }
}

/** A care leaver's pathway plan is reviewed at least every six months. */
export const PATHWAY_REVIEW_MONTHS = 6;

export { addMonths } from '#kernel';
