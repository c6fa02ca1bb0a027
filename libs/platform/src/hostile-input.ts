import type { Request, Response } from 'express';
import { problem } from './problem.js';

/** How deep a JSON body may nest; deeper is refused before anything reads it. */
export const MAX_JSON_DEPTH = 32;

/** Keys that reach an object's prototype: never a field of any request. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** NUL, or half of a surrogate pair: text PostgreSQL cannot store and no person typed. */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this refuses
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Depth of a parsed JSON value, walked without recursion; stops counting at `stopAt`. */
export function jsonDepth(value: unknown, stopAt = MAX_JSON_DEPTH + 1): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    const here = depth + 1;
    if (here > deepest) deepest = here;
    if (deepest >= stopAt) return deepest;
    for (const child of Object.values(v as object)) stack.push([child, here]);
  }
  return deepest;
}

interface Finding {
  code: 'VALIDATION.FAILED' | 'REQUEST.INVALID_TEXT';
  field: string;
  message: string;
}

/** The first prototype key or unstorable text in a value (keys and strings), with its path. */
export function hostileIn(value: unknown, path: string): Finding | null {
  const stack: [unknown, string][] = [[value, path]];
  while (stack.length > 0) {
    const [v, at] = stack.pop()!;
    if (typeof v === 'string') {
      if (UNSTORABLE.test(v)) return unstorable(at);
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    for (const [key, child] of Object.entries(v as object)) {
      const here = at ? `${at}.${key}` : key;
      if (PROTOTYPE_KEYS.has(key)) {
        return {
          code: 'VALIDATION.FAILED',
          field: here,
          message: `property ${key} should not exist`,
        };
      }
      if (UNSTORABLE.test(key)) return unstorable(here);
      stack.push([child, here]);
    }
  }
  return null;
}

const unstorable = (field: string): Finding => ({
  code: 'REQUEST.INVALID_TEXT',
  field,
  message: 'must not contain a NUL character or half of a surrogate pair',
});

function refuse(req: Request, res: Response, code: string, detail: string, errors: object[]) {
  const body = problem(400, code, detail, { instance: req.originalUrl, errors });
  res.status(400).type('application/problem+json').send(JSON.stringify(body));
}

/**
 * Express middleware, before anything reads the request: a body nested deeper than
 * MAX_JSON_DEPTH, a body or query with a prototype key (`__proto__`, `constructor`,
 * `prototype`), or text with NUL or an unpaired surrogate is 400 problem+json naming the field.
 */
export function refuseHostileInput(req: Request, res: Response, next: () => void): void {
  if (jsonDepth(req.body) > MAX_JSON_DEPTH) {
    return refuse(
      req,
      res,
      'REQUEST.TOO_DEEP',
      `JSON nested deeper than ${MAX_JSON_DEPTH} levels is refused`,
      [{ field: 'body', message: `must not nest deeper than ${MAX_JSON_DEPTH} levels` }],
    );
  }
  const found = hostileIn(req.body, '') ?? hostileIn(req.query, '') ?? hostileIn(req.params, '');
  if (found) {
    return refuse(req, res, found.code, `Invalid request: ${found.field}`, [
      { field: found.field, message: found.message },
    ]);
  }
  next();
}
