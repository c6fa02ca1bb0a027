/**
 * A request the access rules refused a signed-in user (403, or 404 for a case or hub they may not
 * see): kept in the user's own access-log stream beside their looks, so probing shows.
 */
export type RequestRefused = {
  type: 'RequestRefused';
  data: {
    entryId: string;
    userId: string;
    userName: string;
    roles: string[];
    method: string;
    path: string;
    /** The case or hub the request named, if any. */
    targetId: string | null;
    status: number;
    /** Why: the problem's code, such as ACCESS.DENIED or YOUNG_PERSON.NOT_FOUND. */
    code: string;
    refusedAt: string;
  };
};
