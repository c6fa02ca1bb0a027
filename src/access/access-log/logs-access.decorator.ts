import { SetMetadata } from '@nestjs/common';

export interface AccessLogDeclaration {
  view: string;
  /** The young people a response shows. */
  youngPeople: (response: unknown) => string[];
}

export const LOGS_ACCESS = 'nwd:logs-access';

/** Marks a route whose response shows young people's records: each response is logged first. */
export const LogsAccess = (view: string, youngPeople: AccessLogDeclaration['youngPeople']) =>
  SetMetadata(LOGS_ACCESS, { view, youngPeople } satisfies AccessLogDeclaration);

/** For responses that are one case: `{ youngPersonId }`. */
export const oneCase = (response: unknown) => {
  const id = (response as { youngPersonId?: unknown } | null)?.youngPersonId;
  return typeof id === 'string' ? [id] : [];
};

/** For pages of cases: `{ items: [{ youngPersonId }] }`. */
export const pageOfCases = (response: unknown) =>
  ((response as { items?: { youngPersonId?: unknown }[] } | null)?.items ?? [])
    .map((i) => i.youngPersonId)
    .filter((id): id is string => typeof id === 'string');
