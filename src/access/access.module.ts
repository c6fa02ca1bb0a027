import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AccessGuard, TOKEN_VERIFIER, WEB_SESSIONS } from './access.guard.js';
import type { WebSessions } from './sessions/web-sessions.js';
import { AccessLogController } from './access-log/access-log.controller.js';
import { AccessLogInterceptor } from './access-log/access-log.interceptor.js';
import { accessLogProjection } from './access-log/access-log.projection.js';
import {
  FindLooksHandler,
  GetAccessLogHandler,
  GetLooksHandler,
} from './access-log/access-log.query.js';
import { ConsentFilter } from './consent-filter.js';
import { RefusedRequestsController } from './refused-requests/refused-requests.controller.js';
import {
  CountRefusedRequestsHandler,
  GetRefusedRequestsHandler,
} from './refused-requests/refused-requests.query.js';
import { SubjectAccessController } from './access-log/subject-access.controller.js';
import type { TokenVerifier } from './tokens/token-verifier.js';

export const accessProjections = [accessLogProjection];

/** Authentication, the policy guard on every route, and the access log. */
@Module({})
export class AccessModule {
  static forRoot(verifier: TokenVerifier, sessions: WebSessions | null = null): DynamicModule {
    return {
      module: AccessModule,
      global: true,
      controllers: [AccessLogController, SubjectAccessController, RefusedRequestsController],
      exports: [WEB_SESSIONS, ConsentFilter],
      providers: [
        { provide: TOKEN_VERIFIER, useValue: verifier },
        { provide: WEB_SESSIONS, useValue: sessions },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_INTERCEPTOR, useClass: AccessLogInterceptor },
        GetAccessLogHandler,
        FindLooksHandler,
        GetLooksHandler,
        GetRefusedRequestsHandler,
        CountRefusedRequestsHandler,
        ConsentFilter,
      ],
    };
  }
}
