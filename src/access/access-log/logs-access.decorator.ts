import { SetMetadata } from '@nestjs/common';

/**
 * How a response is about young people: which ones it shows, and how to keep only the rows about
 * some of them. Every route that returns rows about young people declares this (`@LogsAccess`), so
 * the access log records who was shown and a `consented` scope (independent visitors) sees only
 * the young people who consented to them. A declaration without `keep` is refused to a visitor
 * whenever it would show anyone who has not consented: fail closed, never leak.
 */
export interface RowsAboutYoungPeople {
  /** The young people the response shows. */
  ids: (response: unknown) => string[];
  /** The response with every row about anyone outside `allowed` withheld. */
  keep?: (response: unknown, allowed: ReadonlySet<string>) => unknown;
}

export interface AccessLogDeclaration {
  view: string;
  rows: RowsAboutYoungPeople;
}

export const LOGS_ACCESS = 'nwd:logs-access';

/** Marks a route whose response shows young people's records: each response is logged first. */
export const LogsAccess = (
  view: string,
  rows: RowsAboutYoungPeople | RowsAboutYoungPeople['ids'],
) =>
  SetMetadata(LOGS_ACCESS, {
    view,
    rows: typeof rows === 'function' ? { ids: rows } : rows,
  } satisfies AccessLogDeclaration);

/** Rows about young people in a list, each with `youngPersonId`. */
export function rowsOf<T extends { youngPersonId: string }>(list: readonly T[] | undefined) {
  return (list ?? []).map((r) => r.youngPersonId);
}

/** Only the rows about allowed young people. */
export const keepRows = <T extends { youngPersonId: string }>(
  list: readonly T[],
  allowed: ReadonlySet<string>,
): T[] => list.filter((r) => allowed.has(r.youngPersonId));

/** For responses that are one case: `{ youngPersonId }` (the guard has judged that case). */
export const oneCase = (response: unknown) => {
  const id = (response as { youngPersonId?: unknown } | null)?.youngPersonId;
  return typeof id === 'string' ? [id] : [];
};

type PageOf = { items?: { youngPersonId: string }[] };

/** For pages of cases: `{ items: [{ youngPersonId }] }`. */
export const pageOfCases: RowsAboutYoungPeople = {
  ids: (response) =>
    rowsOf((response as PageOf | null)?.items).filter((id): id is string => typeof id === 'string'),
  keep: (response, allowed) => {
    const page = response as PageOf;
    return { ...page, items: keepRows(page.items ?? [], allowed) };
  },
};
