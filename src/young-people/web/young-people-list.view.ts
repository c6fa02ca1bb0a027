import { plural, ukDate, type FormError } from '../../web/index.js';
import { ATTENTION, type AttentionKey, type CaseBadge } from '../case-flags/case-flags.js';
import { REFERRAL_CATEGORIES } from '../young-people.events.js';
import { CASE_STATUS_TAGS } from './case-header.js';
import { CATEGORY_WORDS } from './referral-pages.controller.js';
import {
  CASE_STATUSES,
  type CaseFlag,
  type CaseStatus,
  type FoundYoungPeople,
  type SortKey,
  type YoungPeopleFilter,
} from '../find-young-people/find-young-people.query.js';

const tabName = (status: CaseStatus) => CASE_STATUS_TAGS[status].text;

const FLAG_BADGES: Record<CaseFlag, { text: string; classes: string }> = {
  no_key_worker: { text: 'No key worker', classes: 'moj-badge--red' },
  possible_duplicate: { text: 'Possible duplicate', classes: 'moj-badge--purple' },
  pathway_review_due: { text: 'Pathway review due', classes: 'moj-badge--blue' },
  pathway_review_overdue: { text: 'Pathway review overdue', classes: 'moj-badge--red' },
};

const SORT_NAMES: Record<SortKey, string> = {
  name: 'Name',
  born: 'Date of birth',
  worker: 'Key worker',
  referred: 'Referred',
};

/** What young-people.njk shows: tabs with counts, the search, the table, the pages. */
export function listPageView(input: {
  /** Null: every hub the caller may see (an auditor's list). */
  hubId: string | null;
  filter: YoungPeopleFilter;
  query: Record<string, string | undefined>;
  found: FoundYoungPeople;
  attention: AttentionKey | undefined;
  /** Flags from the other capabilities, by young person. */
  badges: Map<string, CaseBadge[]>;
  workers: { workerId: string; name: string; count: number }[];
  errors: FormError[];
}) {
  const { hubId, filter, attention, query, found, badges, workers, errors } = input;
  const base = hubId ? `/app/hubs/${hubId}/young-people` : '/app/young-people';
  const link = (over: Record<string, string | number | undefined>) => {
    const params = new URLSearchParams();
    const all: Record<string, string | number | undefined> = {
      status: filter.status,
      name: filter.name,
      'born-day': query['born-day'],
      'born-month': query['born-month'],
      'born-year': query['born-year'],
      worker: filter.workerId,
      category: filter.category,
      attention,
      lookedBy: query.lookedBy,
      'lookedFrom-day': query['lookedFrom-day'],
      'lookedFrom-month': query['lookedFrom-month'],
      'lookedFrom-year': query['lookedFrom-year'],
      'lookedTo-day': query['lookedTo-day'],
      'lookedTo-month': query['lookedTo-month'],
      'lookedTo-year': query['lookedTo-year'],
      sort: filter.sort,
      order: filter.order,
      ...over,
    };
    for (const [k, v] of Object.entries(all))
      if (v !== undefined && v !== '') params.set(k, String(v));
    return `${base}?${params}`;
  };
  const first = found.total === 0 ? 0 : (found.page - 1) * filter.pageSize + 1;
  const last = Math.min(found.total, found.page * filter.pageSize);
  const searched = Boolean(
    filter.name ||
    filter.bornOn ||
    filter.workerId ||
    filter.category ||
    attention ||
    query.lookedBy ||
    query['lookedFrom-day'] ||
    query['lookedTo-day'],
  );
  return {
    title: 'Young people',
    hubId,
    base,
    errors,
    tabs: CASE_STATUSES.map((status) => ({
      text: `${tabName(status)} (${found.counts[status]})`,
      href: link({ status, page: undefined }),
      active: status === filter.status,
    })),
    tabName: tabName(filter.status).toLowerCase(),
    values: {
      name: filter.name ?? '',
      bornDay: query['born-day'] ?? '',
      bornMonth: query['born-month'] ?? '',
      bornYear: query['born-year'] ?? '',
      status: filter.status,
      sort: filter.sort,
      order: filter.order,
    },
    bornError: errors.find((e) => e.href === '#born-day')?.text ?? null,
    workerItems: [
      { value: '', text: 'Any key worker', selected: !filter.workerId },
      ...workers.map((w) => ({
        value: w.workerId,
        text: w.name,
        selected: w.workerId === filter.workerId,
      })),
    ],
    categoryItems: [
      { value: '', text: 'Any category', selected: !filter.category },
      ...REFERRAL_CATEGORIES.map((c) => ({
        value: c,
        text: CATEGORY_WORDS[c],
        selected: c === filter.category,
      })),
    ],
    attentionItems: [
      { value: '', text: 'Anything or nothing', selected: !attention },
      ...(Object.entries(ATTENTION) as [AttentionKey, string][]).map(([value, text]) => ({
        value,
        text,
        selected: value === attention,
      })),
    ],
    searched,
    everyHub: !hubId,
    clearHref: link({
      category: undefined,
      attention: undefined,
      lookedBy: undefined,
      'lookedFrom-day': undefined,
      'lookedFrom-month': undefined,
      'lookedFrom-year': undefined,
      'lookedTo-day': undefined,
      'lookedTo-month': undefined,
      'lookedTo-year': undefined,
      name: undefined,
      'born-day': undefined,
      'born-month': undefined,
      'born-year': undefined,
      worker: undefined,
      page: undefined,
    }),
    showing:
      found.total === 0
        ? null
        : `Showing ${first} to ${last} of ${plural(found.total, 'young person', 'young people')}`,
    headers: (Object.keys(SORT_NAMES) as SortKey[]).map((key) => {
      const current = filter.sort === key;
      const next = current && filter.order === 'asc' ? 'desc' : 'asc';
      return {
        text: SORT_NAMES[key],
        href: link({ sort: key, order: next, page: undefined }),
        ariaSort: current ? (filter.order === 'asc' ? 'ascending' : 'descending') : 'none',
      };
    }),
    rows: found.items.map((p) => ({
      youngPersonId: p.youngPersonId,
      hubId: p.hubId,
      name: `${p.youngPerson.givenName} ${p.youngPerson.familyName}`,
      born: `${ukDate(p.youngPerson.dateOfBirth)} (${p.age})`,
      keyWorker: p.keyWorker?.workerName ?? 'None',
      referred: p.referredAt ? ukDate(p.referredAt.slice(0, 10)) : '',
      flags: [...p.flags.map((f) => FLAG_BADGES[f]), ...(badges.get(p.youngPersonId) ?? [])],
      category: CATEGORY_WORDS[p.category as keyof typeof CATEGORY_WORDS] ?? p.category,
    })),
    pagination:
      found.pages > 1
        ? {
            previous: found.page > 1 ? { href: link({ page: found.page - 1 }) } : undefined,
            next: found.page < found.pages ? { href: link({ page: found.page + 1 }) } : undefined,
            items: Array.from({ length: found.pages }, (_, i) => i + 1)
              .filter((n) => n === 1 || n === found.pages || Math.abs(n - found.page) <= 2)
              .flatMap((n, i, shown) => [
                ...(i > 0 && n - shown[i - 1] > 1 ? [{ ellipsis: true }] : []),
                { number: n, href: link({ page: n }), current: n === found.page },
              ]),
          }
        : null,
  };
}
