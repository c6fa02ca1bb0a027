import { ageOn } from '#kernel';
import { scopeFor, type AuthenticatedUser, type Permission } from '../../access/index.js';
import { ukDate } from '../../web/index.js';
import type { CaseSummary } from '../case-summary/case-summary.query.js';

export type CasePart =
  | 'summary'
  | 'team'
  | 'plan'
  | 'housing'
  | 'contacts'
  | 'missing'
  | 'outcomes'
  | 'chronology'
  | 'record';

/** A case's status as the pages say it, with its tag's colour (the list's tabs use the words). */
export const CASE_STATUS_TAGS: Record<CaseSummary['status'], { text: string; classes: string }> = {
  referred: { text: 'Referred', classes: 'govuk-tag--blue' },
  accepted: { text: 'Open', classes: 'govuk-tag--green' },
  stepped_away: { text: 'Stepped away', classes: 'govuk-tag--grey' },
  closed: { text: 'Closed', classes: 'govuk-tag--grey' },
  declined: { text: 'Declined', classes: 'govuk-tag--red' },
};

/** The parts of a case, each shown only to those whose role may open it. */
const PARTS: { part: CasePart; text: string; path: string; needs: Permission }[] = [
  { part: 'summary', text: 'Summary', path: '', needs: 'case:read' },
  { part: 'team', text: 'Team', path: '/team', needs: 'case:read' },
  { part: 'plan', text: 'Plan', path: '/plan', needs: 'case:read' },
  { part: 'housing', text: 'Housing', path: '/housing', needs: 'housing:read' },
  { part: 'contacts', text: 'Contacts', path: '/timeline', needs: 'contact:read' },
  { part: 'missing', text: 'Missing', path: '/missing', needs: 'contact:write' },
  { part: 'outcomes', text: 'Outcomes', path: '/outcomes', needs: 'outcome:read' },
  { part: 'chronology', text: 'Chronology', path: '/chronology', needs: 'case:read' },
  { part: 'record', text: 'Record', path: '/record', needs: 'case:subject_access' },
];

/**
 * What heads every page of a case: who (name, date of birth and age, status, key worker, what
 * needs attention) and the case's parts, in one identity bar and sub-navigation.
 */
export function caseHeaderView(
  c: CaseSummary,
  user: AuthenticatedUser | undefined,
  current: CasePart,
  today: string = new Date().toISOString(),
  /** What the other capabilities flag about them (missing now, in a hub bed...). */
  raised: readonly { text: string; classes: string }[] = [],
) {
  const flags: { text: string; classes: string }[] = [];
  if (c.status === 'accepted' && !c.keyWorker)
    flags.push({ text: 'No key worker', classes: 'moj-badge--red' });
  if (c.repeatReferrals.some((r) => r.duplicate === 'pending'))
    flags.push({ text: 'Possible duplicate', classes: 'moj-badge--purple' });
  if (c.pathwayReviewDue && c.status === 'accepted') {
    const overdue = c.pathwayReviewDue < today.slice(0, 10);
    flags.push({
      text: `${overdue ? 'Pathway review overdue since' : 'Pathway review due'} ${ukDate(c.pathwayReviewDue)}`,
      classes: overdue ? 'moj-badge--red' : 'moj-badge--blue',
    });
  }
  flags.push(...raised.map(({ text, classes }) => ({ text, classes })));
  if (c.consents.length)
    flags.push({
      text:
        c.consents.length === 1
          ? 'Consent recorded for a visitor'
          : `Consent recorded for ${c.consents.length} visitors`,
      classes: 'moj-badge--grey',
    });
  const base = `/app/young-people/${c.youngPersonId}`;
  return {
    name: `${c.youngPerson.givenName} ${c.youngPerson.familyName}`,
    born: `Born ${ukDate(c.youngPerson.dateOfBirth)} (aged ${ageOn(c.youngPerson.dateOfBirth, today)})`,
    status: CASE_STATUS_TAGS[c.status],
    keyWorker: c.keyWorker ? `Key worker: ${c.keyWorker.workerName}` : 'No key worker',
    flags,
    parts: PARTS.filter((p) => !user || scopeFor(user.roles, p.needs) !== null).map((p) => ({
      text: p.text,
      href: base + p.path,
      active: p.part === current,
    })),
  };
}
