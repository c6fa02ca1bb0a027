import {
  Inject,
  Injectable,
  SetMetadata,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { from, switchMap, type Observable } from 'rxjs';
import type { ProjectionRunner } from '#projections';
import type { NwdConfig } from './config.js';
import { ProblemException } from './problem.js';
import { NWD_CONFIG, PROJECTION_RUNNER } from './tokens.js';

const READS_FROM = 'nwd:reads-from';

/** Declares which read models a query answers from, so `?after=` knows what to wait for. */
export const ReadsFrom = (...projections: string[]) => SetMetadata(READS_FROM, projections);

/**
 * Read-your-writes: a query given `?after=<position>` (the position a write answered with)
 * waits until the read models it declares have read past that event, at most READ_WAIT_MS,
 * then answers 503 with a problem that says so.
 */
@Injectable()
export class FreshnessInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(NWD_CONFIG) private readonly config: NwdConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const names = this.reflector.get<string[] | undefined>(READS_FROM, context.getHandler());
    const raw = context.switchToHttp().getRequest<Request>().query.after;
    if (!names || typeof raw !== 'string' || !/^\d{1,15}$/.test(raw)) return next.handle();
    const position = Number(raw);
    return from(this.runner.waitFor(names, position, this.config.readWaitMs)).pipe(
      switchMap((outcome) => {
        if (outcome === 'unknown-position') {
          throw new ProblemException(
            400,
            'READ_MODEL.UNKNOWN_POSITION',
            `No event is stored at position ${position}; pass the position a write answered with.`,
            [{ field: 'after', message: 'must be a position returned by a write' }],
          );
        }
        if (outcome === 'timeout') {
          throw new ProblemException(
            503,
            'READ_MODEL.NOT_CAUGHT_UP',
            `The read models (${names.join(', ')}) have not reached position ${position} within ${this.config.readWaitMs} ms; retry shortly.`,
          );
        }
        return next.handle();
      }),
    );
  }
}
