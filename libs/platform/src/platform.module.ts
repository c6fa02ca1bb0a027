import {
  Global,
  Inject,
  Module,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
} from '@nestjs/common';
import { refuseHostileInput } from './hostile-input.js';
import { requestMemo } from './request-memo.js';
import { stampReceivedAt } from './request-context.js';
import { RecordingClock } from '#event-store';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import type { NwdConfig } from './config.js';
import { EventSourcedCommands } from './event-sourced-commands.js';
import { StreamFolds } from './stream-folds.js';
import { FreshnessInterceptor } from './freshness.js';
import { HealthController } from './health.controller.js';
import type { Infrastructure } from './infrastructure.js';
import { TerminusModule } from '@nestjs/terminus';
import { MetricsController } from './metrics.controller.js';
import { Lifecycle, ProbesController } from './probes.controller.js';
import {
  EVENT_STORE,
  LIFECYCLE,
  NWD_CONFIG,
  NWD_METRICS,
  PROJECTION_RUNNER,
  READ_DB,
} from './tokens.js';

/** The event log, read models and request plumbing every business module uses. */
@Global()
@Module({})
export class PlatformModule implements NestModule {
  constructor(@Inject(RecordingClock) private readonly clock: RecordingClock) {}

  /** Runs after the body is parsed, before guards, pipes and handlers see it. */
  configure(consumer: MiddlewareConsumer) {
    consumer.apply(stampReceivedAt(this.clock), requestMemo, refuseHostileInput).forRoutes('*');
  }

  static forRoot(infra: Infrastructure, config: NwdConfig): DynamicModule {
    const providers = [
      { provide: EVENT_STORE, useValue: infra.store },
      { provide: RecordingClock, useValue: infra.clock },
      { provide: READ_DB, useValue: infra.queryDb },
      { provide: PROJECTION_RUNNER, useValue: infra.runner },
      { provide: NWD_CONFIG, useValue: config },
      {
        provide: StreamFolds,
        useFactory: () => {
          const folds = new StreamFolds(infra.store);
          folds.limit = config.keptEvents;
          infra.metrics.readFrom({ runner: infra.runner, keptStates: () => folds.usage });
          return folds;
        },
      },
      { provide: NWD_METRICS, useValue: infra.metrics },
      { provide: LIFECYCLE, useValue: new Lifecycle() },
      EventSourcedCommands,
    ];
    return {
      module: PlatformModule,
      imports: [CqrsModule.forRoot(), TerminusModule.forRoot({ logger: false })],
      controllers: [HealthController, ProbesController, MetricsController],
      providers: [...providers, { provide: APP_INTERCEPTOR, useClass: FreshnessInterceptor }],
      exports: [...providers.map((p) => ('provide' in p ? p.provide : p)), CqrsModule],
    };
  }
}
