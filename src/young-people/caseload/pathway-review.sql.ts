import { PATHWAY_REVIEW_MONTHS } from '../case-plan.state.js';

/** A pathway review shows as due this many days before its date. */
export const REVIEW_DUE_WINDOW_DAYS = 28;

/**
 * The date a care leaver's pathway plan must next be reviewed by, over the caseload's columns
 * (`prefix`: the table's alias and a dot): the same rule as `pathwayReviewDue` on the case's
 * state, for the lists that read the caseload. Null for others and before acceptance.
 */
export const pathwayDueSql = (prefix = '') =>
  `CASE WHEN ${prefix}category = 'care_leaver' AND ${prefix}accepted_at IS NOT NULL
     THEN (coalesce(${prefix}last_pathway_review, ${prefix}accepted_at::date)
           + interval '${PATHWAY_REVIEW_MONTHS} months')::date END`;

/** Whether a review this many days away (negative: past) is overdue, due soon, or not yet. */
export function pathwayReviewState(days: number): 'ok' | 'due' | 'overdue' {
  return days < 0 ? 'overdue' : days <= REVIEW_DUE_WINDOW_DAYS ? 'due' : 'ok';
}
