import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule, type Infrastructure, type NwdConfig } from '#platform';
import { AccessModule, type TokenVerifier } from '../../src/access/index.js';
import { BUSINESS_MODULES } from '../composition/composition.js';
import { WebModule } from '../../src/web/index.js';
import type { WebSessions } from '../../src/access/index.js';
import type { WebOidc } from '../../src/web/index.js';

@Module({})
export class ApiModule {
  static forRoot(
    infra: Infrastructure,
    config: NwdConfig,
    verifier: TokenVerifier,
    sessions: WebSessions,
    oidc: WebOidc | null,
  ): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        PlatformModule.forRoot(infra, config),
        AccessModule.forRoot(verifier, sessions),
        ...BUSINESS_MODULES,
        WebModule.forRoot(oidc),
      ],
    };
  }
}
