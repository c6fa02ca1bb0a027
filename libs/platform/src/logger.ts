import type { LoggerService } from '@nestjs/common';
import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

/** JSON logs on stdout (pino), one logger per process. */
export function createLogger(level: string, name: string): Logger {
  return pino({ level, name });
}

/**
 * An error as it may be logged: never a database error's message, detail or query, which echo
 * row values (names, notes); its SQLSTATE, constraint, table and column say what went wrong. Other
 * errors keep their message and the frames of their stack.
 */
export function loggableError(error: unknown): Record<string, unknown> {
  if (typeof error !== 'object' || error === null) return { type: typeof error };
  const e = error as Record<string, unknown> & { name?: string; stack?: string };
  const frames = (e.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l));
  if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && 'severity' in e) {
    return {
      type: e.name ?? 'DatabaseError',
      sqlState: e.code,
      constraint: e.constraint ?? null,
      table: e.table ?? null,
      column: e.column ?? null,
      routine: e.routine ?? null,
      stack: frames.join('\n'),
    };
  }
  return {
    type: e.name ?? 'Error',
    message: e.message ?? null,
    code: e.code ?? null,
    stack: frames.join('\n'),
  };
}

/** Nest's own messages go through the same pino logger. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}
