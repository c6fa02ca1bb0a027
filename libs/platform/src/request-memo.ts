import type { NextFunction, Request, Response } from 'express';

/** What one request has read and may read again (keyed by what was read). */
export type RequestMemo = Map<string, Promise<unknown>>;

const MEMO = Symbol('nwd:request-memo');
type WithMemo = Request & { [MEMO]?: RequestMemo };

/**
 * Middleware: each request gets a memo of its own for what it reads more than once. It travels
 * on the request and in its `RequestContext` (not in AsyncLocalStorage: on Node 20 that turns on
 * promise hooks, which cost every promise in the process about a fifth of the API's time under
 * load; measured with the HTTP benchmark).
 */
export function requestMemo(req: Request, _res: Response, next: NextFunction): void {
  (req as WithMemo)[MEMO] = new Map();
  next();
}

/** The request's memo (undefined outside the middleware, as in tests that build requests). */
export function memoOf(req: Request): RequestMemo | undefined {
  return (req as WithMemo)[MEMO];
}

/**
 * `read()` once per request for `key` (access control and then the handler both ask for a case's
 * facts before a write: one read of its stream instead of two). Without a memo it just reads.
 * Anything written in the request forgets the memo (see `forgetRequestMemo`), so nothing read
 * before a write is served after it.
 */
export function readOncePerRequest<T>(
  memo: RequestMemo | undefined,
  key: string,
  read: () => Promise<T>,
): Promise<T> {
  if (!memo) return read();
  let value = memo.get(key) as Promise<T> | undefined;
  if (!value) {
    value = read();
    memo.set(key, value);
    value.catch(() => memo.delete(key));
  }
  return value;
}

/** Called after every append: later reads in the request go to the log again. */
export function forgetRequestMemo(memo: RequestMemo | undefined): void {
  memo?.clear();
}
