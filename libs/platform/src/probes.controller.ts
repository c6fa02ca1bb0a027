import { Controller, Get, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  type HealthCheckResult,
} from '@nestjs/terminus';
import type { Response } from 'express';
import type { EventStore, SqlDatabase } from '#event-store';
import type { ProjectionRunner } from '#projections';
import { Public } from './public.js';
import { EVENT_STORE, LIFECYCLE, PROJECTION_RUNNER, READ_DB } from './tokens.js';

/** Whether the process is on its way out (SIGTERM): not ready, finishing what it has. */
export class Lifecycle {
  draining = false;
}

/**
 * Liveness and readiness for a load balancer or an orchestrator (`@nestjs/terminus`). Live: the
 * process answers. Ready: the log's database answers, so does the one queries read (a replica,
 * when set), no projection has failed, and the process is not shutting down.
 */
@ApiTags('health')
@Controller('health')
export class ProbesController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_DB) private readonly queryDb: SqlDatabase,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(LIFECYCLE) private readonly lifecycle: Lifecycle,
  ) {}

  @Get('live')
  @Public()
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness: 200 while the process can answer at all' })
  live(@Res() res: Response): Promise<void> {
    return this.answer(res, () => this.health.check([]));
  }

  @Get('ready')
  @Public()
  @HealthCheck()
  @ApiOperation({
    summary:
      'Readiness: 200 when the log and the read models answer, no projection has failed and the process is not shutting down; else 503',
  })
  ready(@Res() res: Response): Promise<void> {
    return this.answer(res, () =>
      this.health.check([
        () => {
          const process = this.indicator.check('process');
          return this.lifecycle.draining ? process.down('shutting down') : process.up();
        },
        () =>
          this.indicator
            .check('log')
            .attempt(async () => ({ headPosition: (await this.store.head()).position }))
            .withTimeout(2000),
        () =>
          this.indicator
            .check('readModels')
            .attempt(async () => {
              await this.queryDb.query('SELECT 1');
              return {};
            })
            .withTimeout(2000),
        async () => {
          const failed = (await this.runner.status()).filter((p) => p.state === 'failed');
          const projections = this.indicator.check('projections');
          return failed.length
            ? projections.down({ failed: failed.map((p) => p.name) })
            : projections.up();
        },
      ]),
    );
  }

  /** Terminus throws its 503 with the result as the body: send it as it is. */
  private async answer(res: Response, check: () => Promise<HealthCheckResult>): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    try {
      res.status(200).json(await check());
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      res.status(503).json(error.getResponse());
    }
  }
}
