import {
  ArgumentsHost,
  BadRequestException,
  Catch,
  HttpException,
  HttpStatus,
  type ExceptionFilter,
  type ValidationError,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { WrongExpectedRevisionError } from '../../event-store/src/index.js';
import { DomainError } from './domain-error.js';

export class PreconditionFailedError extends Error {
  readonly code = 'CONCURRENCY.STALE_IF_MATCH';
  constructor(
    readonly expected: string,
    readonly actual: number | 'no_stream',
  ) {
    super(`If-Match ${expected} is stale: the record is at revision ${String(actual)}`);
  }
}

export interface FieldError {
  field: string;
  message: string;
}

/** A 4xx built at the edge (validation, bad headers) that names the fields at fault. */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    detail: string,
    readonly errors: FieldError[] = [],
  ) {
    super(detail, status);
  }
}

/** class-validator errors, flattened to dotted field paths. */
export function validationProblem(errors: ValidationError[]): ProblemException {
  const fields: FieldError[] = [];
  const walk = (list: ValidationError[], prefix: string) => {
    for (const e of list) {
      const path = prefix ? `${prefix}.${e.property}` : e.property;
      for (const message of Object.values(e.constraints ?? {}))
        fields.push({ field: path, message });
      if (e.children?.length) walk(e.children, path);
    }
  };
  walk(errors, '');
  const named = [...new Set(fields.map((f) => f.field))].join(', ');
  return new ProblemException(400, 'VALIDATION.FAILED', `Invalid request: ${named}`, fields);
}

interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  errors?: FieldError[];
  [extra: string]: unknown;
}

/** Every error leaves as `application/problem+json` (RFC 9457) with a stable `code`. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(
    private readonly log: (error: unknown) => void = () => undefined,
    /** Answers a problem another way (a browser page); true when it did. */
    private readonly other: (problem: Problem, req: Request, res: Response) => boolean = () =>
      false,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const response = ctx.getResponse<Response>();
    const request = ctx.getRequest<Request>();
    const problem = this.toProblem(exception);
    problem.instance = request.originalUrl;
    if (problem.status >= 500) this.log(exception);
    if (this.other(problem, request, response)) return;
    if (problem.status === 401) response.setHeader('WWW-Authenticate', 'Bearer');
    if (problem.status === 503) response.setHeader('Retry-After', '5');
    response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown): Problem {
    if (exception instanceof DomainError) {
      return problem(exception.status, exception.code, exception.message, {
        ...(exception.field
          ? { errors: [{ field: exception.field, message: exception.message }] }
          : {}),
      });
    }
    if (exception instanceof PreconditionFailedError) {
      return problem(412, exception.code, exception.message, { currentRevision: exception.actual });
    }
    if (exception instanceof WrongExpectedRevisionError) {
      return problem(
        409,
        'CONCURRENCY.CONFLICT',
        'The record changed while this request was being handled; try again.',
      );
    }
    if (exception instanceof ProblemException) {
      return problem(exception.getStatus(), exception.code, exception.message, {
        ...(exception.errors.length ? { errors: exception.errors } : {}),
      });
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const detail =
        typeof body === 'object' && body !== null && 'message' in body
          ? ([] as unknown[]).concat((body as { message: unknown }).message).join('; ')
          : exception.message;
      const code =
        exception instanceof BadRequestException && /json/i.test(detail)
          ? 'REQUEST.MALFORMED_JSON'
          : `HTTP.${(HttpStatus[status] ?? 'ERROR').toString()}`;
      return problem(status, code, detail);
    }
    if (databaseUnavailable(exception)) {
      return problem(
        503,
        'STORAGE.UNAVAILABLE',
        'The database cannot be reached just now. Try again shortly; retrying with the same Idempotency-Key is safe.',
      );
    }
    return problem(
      500,
      'INTERNAL',
      'Something went wrong on our side. If you sent an Idempotency-Key, retrying with it is safe.',
    );
  }
}

function problem(
  status: number,
  code: string,
  detail: string,
  extra: Record<string, unknown> = {},
): Problem {
  return {
    type: `https://nwd-hub.local/problems/${code.toLowerCase().replace(/[._]/g, '-')}`,
    title: titleOf(status),
    status,
    detail,
    code,
    ...extra,
  };
}

function titleOf(status: number): string {
  const name = HttpStatus[status];
  return typeof name === 'string'
    ? name
        .toLowerCase()
        .split('_')
        .map((w, i) => (i === 0 ? w[0].toUpperCase() + w.slice(1) : w))
        .join(' ')
    : 'Error';
}

/** Deeper JSON than any request here needs; anything deeper is refused before it is read. */
export const MAX_JSON_DEPTH = 32;

/** How deep a parsed JSON value nests, counted without recursion (a hostile body cannot overflow the stack). */
export function jsonDepth(value: unknown, stopAt = MAX_JSON_DEPTH + 1): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    const here = depth + 1;
    if (here > deepest) deepest = here;
    if (deepest >= stopAt) return deepest;
    for (const child of Object.values(v as object)) stack.push([child, here]);
  }
  return deepest;
}

/** Express middleware: a body nested deeper than MAX_JSON_DEPTH is 400 problem+json, unread. */
export function refuseDeepJson(req: Request, res: Response, next: () => void): void {
  if (jsonDepth(req.body) > MAX_JSON_DEPTH) {
    const body = problem(
      400,
      'REQUEST.TOO_DEEP',
      `JSON nested deeper than ${MAX_JSON_DEPTH} levels is refused`,
      {
        instance: req.originalUrl,
        errors: [{ field: 'body', message: `must not nest deeper than ${MAX_JSON_DEPTH} levels` }],
      },
    );
    res.status(400).type('application/problem+json').send(JSON.stringify(body));
    return;
  }
  next();
}

/** Connection-level failures from PostgreSQL or the driver: the database is down or restarting. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up or shutting down)
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);

export function databaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
    const message = (e as { message?: unknown }).message;
    if (
      typeof message === 'string' &&
      /Connection terminated|connection timeout|timeout exceeded when trying to connect|terminating connection/i.test(
        message,
      )
    ) {
      return true;
    }
    e = (e as { cause?: unknown }).cause ?? (e instanceof AggregateError ? e.errors[0] : undefined);
  }
  return false;
}
