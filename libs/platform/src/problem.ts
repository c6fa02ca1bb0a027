import {
  ArgumentsHost,
  BadRequestException,
  Catch,
  HttpException,
  HttpStatus,
  type ExceptionFilter,
  type ValidationError,
} from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { WrongExpectedRevisionError } from '#event-store';
import { DomainError } from '#kernel';

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

export interface Problem {
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
    /** A failure of ours (5xx), with the id the caller was given to quote. */
    private readonly log: (error: unknown, requestId: string) => void = () => undefined,
    /** Answers a problem another way (a browser page); true when it did. */
    private readonly other: (problem: Problem, req: Request, res: Response) => boolean = () =>
      false,
    /** Sees every problem answered (refusals are counted and filed). */
    private readonly observe: (problem: Problem, req: Request) => void = () => undefined,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const response = ctx.getResponse<Response>();
    const request = ctx.getRequest<Request>();
    const problem = this.toProblem(exception);
    problem.instance = request.originalUrl;
    if (problem.status >= 500) {
      const requestId = randomUUID();
      problem.requestId = requestId;
      this.log(exception, requestId);
    }
    this.observe(problem, request);
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

export function problem(
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
  'EVENT_STORE.UNAVAILABLE', // EventStoreDB: no leader, unreachable, deadline passed
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
