import { createHash, randomUUID } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { NextFunction, Response } from 'express';
import { canonicalJson, type EventActor, type RecordingClock } from '#event-store';
import { ProblemException } from './problem.js';
import { memoOf, type RequestMemo } from './request-memo.js';

/**
 * What a command needs to know about the request that carried it: who, when, which retry.
 * Built once per request at the edge; deciders receive only what the handler copies out of it.
 */
export interface RequestContext {
  actor: EventActor;
  correlationId: string;
  /** The instant the command is decided at (the handler's clock, never the decider's). */
  now: string;
  idempotencyKey: string | null;
  /** The revision the client last saw (`If-Match`), or null. */
  ifMatch: number | null;
  /** Hash of method, path and canonical body: the same key with another body is refused. */
  requestHash: string;
  /** Method and path: an idempotency key is scoped to it (and to the actor). */
  scope: string;
  /** What this request has read and may read again (forgotten after each append). */
  memo?: RequestMemo;
}

const KEY = /^[\x21-\x7e]{1,255}$/;
const RECEIVED_AT = Symbol('receivedAt');

/** Middleware: a request is decided at the instant it arrived, by the process's clock. */
export function stampReceivedAt(clock: RecordingClock) {
  return (req: Request, _res: Response, next: NextFunction) => {
    (req as Request & { [RECEIVED_AT]?: Date })[RECEIVED_AT] = clock.now();
    next();
  };
}

export function contextFromRequest(
  req: Request,
  now: Date = (req as Request & { [RECEIVED_AT]?: Date })[RECEIVED_AT] ?? new Date(),
): RequestContext {
  const key = header(req, 'idempotency-key');
  if (key !== null && !KEY.test(key)) {
    throw new ProblemException(
      400,
      'IDEMPOTENCY.KEY_INVALID',
      'Idempotency-Key must be 1 to 255 visible ASCII characters',
      [{ field: 'Idempotency-Key', message: 'must be 1 to 255 visible ASCII characters' }],
    );
  }
  const correlation = header(req, 'x-correlation-id');
  const scope = `${req.method} ${req.path}`;
  const user = (req as Request & { user?: EventActor }).user;
  return {
    actor: user ?? { id: 'anonymous' },
    correlationId: correlation && KEY.test(correlation) ? correlation : randomUUID(),
    now: now.toISOString(),
    idempotencyKey: key,
    ifMatch: parseIfMatch(header(req, 'if-match')),
    requestHash: createHash('sha256')
      .update(`${scope}\n${canonicalJson(req.body ?? null)}`)
      .digest('hex'),
    scope,
    memo: memoOf(req),
  };
}

/** `@Ctx()` in a controller method: the request's context. */
export const Ctx = createParamDecorator((_: unknown, host: ExecutionContext): RequestContext =>
  contextFromRequest(host.switchToHttp().getRequest<Request>()),
);

/**
 * A new id: random, or derived from the idempotency key so that a retry of the same request
 * names the same thing (the same record, the same events).
 */
export function newId(ctx: RequestContext, label: string): string {
  if (ctx.idempotencyKey === null) return randomUUID();
  return uuidFromHash(`${ctx.actor.id}\n${ctx.scope}\n${ctx.idempotencyKey}\n${label}`);
}

/** A UUID (version 8, RFC 9562 custom) from the first 16 bytes of SHA-256 of `text`. */
export function uuidFromHash(text: string): string {
  const b = createHash('sha256').update(text).digest().subarray(0, 16);
  b[6] = (b[6] & 0x0f) | 0x80;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function header(req: Request, name: string): string | null {
  const v = req.headers[name];
  if (v === undefined) return null;
  return Array.isArray(v) ? v.join(',') : v;
}

function parseIfMatch(value: string | null): number | null {
  if (value === null) return null;
  const m = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(value);
  if (!m) {
    throw new ProblemException(
      400,
      'CONCURRENCY.IF_MATCH_INVALID',
      'If-Match must be an ETag from this API, such as "3"',
      [{ field: 'If-Match', message: 'must be an ETag such as "3"' }],
    );
  }
  return Number(m[1]);
}
