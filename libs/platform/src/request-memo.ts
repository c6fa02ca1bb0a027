import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';

const memo = new AsyncLocalStorage<Map<string, Promise<unknown>>>();

/** Middleware: each request gets a memo of its own for what it reads more than once. */
export function requestMemo(_req: Request, _res: Response, next: NextFunction): void {
  memo.run(new Map(), next);
}

/**
 * `read()` once per request for `key` (access control and then the handler both ask for a case's
 * facts before a write: one read of its stream instead of two). Outside a request it just reads.
 * Anything written in the request forgets the memo (see `forgetRequestMemo`), so nothing read
 * before a write is served after it.
 */
export function readOncePerRequest<T>(key: string, read: () => Promise<T>): Promise<T> {
  const map = memo.getStore();
  if (!map) return read();
  let value = map.get(key) as Promise<T> | undefined;
  if (!value) {
    value = read();
    map.set(key, value);
    value.catch(() => map.delete(key));
  }
  return value;
}

/** Called after every append: later reads in the request go to the log again. */
export function forgetRequestMemo(): void {
  memo.getStore()?.clear();
}
