import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { EventStore, SqlDatabase } from '#event-store';
import type { ProjectionRunner } from '#projections';
import { Public } from './public.js';
import { StreamFolds } from './stream-folds.js';
import { EVENT_STORE, PROJECTION_RUNNER, READ_DB } from './tokens.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_DB) private readonly db: SqlDatabase,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    private readonly folds: StreamFolds,
  ) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: 'Database reachability, the head of the log and each projection’s lag',
    description:
      'oldestOpenTransactionSeconds: subscribers read only below the oldest running transaction, ' +
      'so a long-open transaction anywhere on the database holds every projection back. ' +
      'keptStates: the folded stream states this process keeps in memory (KEPT_EVENTS). ' +
      'A projection stuck at an event it cannot apply is `failed` (with the event and the error) ' +
      'and the answer is 503 not-ready until it applies: it is retried with back-off, never skipped.',
  })
  async health(@Res() res: Response): Promise<void> {
    try {
      await this.db.query('SELECT 1');
      const head = await this.store.head();
      const projections = await this.runner.status();
      const failed = projections.some((p) => p.state === 'failed');
      res.status(failed ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK).json({
        status: failed ? 'not-ready' : 'ok',
        database: { status: 'up', dialect: this.db.dialect },
        log: {
          headPosition: head.position,
          oldestOpenTransactionSeconds: head.oldestOpenTransactionSeconds,
        },
        projections: projections.map((p) => ({
          name: p.name,
          version: p.version,
          position: p.checkpoint.position,
          lag: p.lag,
          updatedAt: p.updatedAt,
          state: p.state,
          ...(p.failure ? { failure: p.failure } : {}),
        })),
        keptStates: this.folds.usage,
      });
    } catch (error) {
      res.status(HttpStatus.SERVICE_UNAVAILABLE).json({
        status: 'down',
        database: { status: 'down', error: error instanceof Error ? error.message : String(error) },
      });
    }
  }
}
