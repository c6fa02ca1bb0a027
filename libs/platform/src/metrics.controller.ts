import { timingSafeEqual } from 'node:crypto';
import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { NwdConfig } from './config.js';
import type { NwdMetrics } from './metrics.js';
import { ProblemException } from './problem.js';
import { Public } from './public.js';
import { NWD_CONFIG, NWD_METRICS } from './tokens.js';

/**
 * `/metrics` in Prometheus' text format (prom-client's registry; `@willsoto/nestjs-prometheus`
 * was tried and dropped: it is CommonJS that `require`s `@nestjs/common`, which Nest 12 ships as
 * ES modules only, and Jest's module loader cannot do that), for the scraper alone: it asks for `Authorization: Bearer <METRICS_TOKEN>`, and without METRICS_TOKEN
 * set it is not served at all (404).
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(
    @Inject(NWD_METRICS) private readonly metrics: NwdMetrics,
    @Inject(NWD_CONFIG) private readonly config: NwdConfig,
  ) {}

  @Get()
  @Public()
  async index(@Res({ passthrough: true }) response: Response): Promise<string> {
    const token = this.config.metricsToken;
    if (!token) {
      throw new ProblemException(
        404,
        'METRICS.OFF',
        'Metrics are not served: set METRICS_TOKEN (or METRICS_TOKEN_FILE) to serve them to a scraper.',
      );
    }
    const given = /^Bearer (.+)$/.exec(response.req.headers.authorization ?? '')?.[1] ?? '';
    if (!sameSecret(given, token)) {
      throw new ProblemException(
        401,
        'METRICS.TOKEN',
        'Metrics ask for Authorization: Bearer with the METRICS_TOKEN.',
      );
    }
    response.setHeader('Cache-Control', 'no-store');
    response.type(this.metrics.registry.contentType);
    return this.metrics.registry.metrics();
  }
}

function sameSecret(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
