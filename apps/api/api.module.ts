import { Module, type DynamicModule } from '@nestjs/common';
import {
  PlatformModule,
  type Infrastructure,
  type NwdConfig,
} from '../../libs/platform/src/index.js';
import { AccessModule, type TokenVerifier } from '../../src/access/index.js';
import { BUSINESS_MODULES } from '../composition/composition.js';

@Module({})
export class ApiModule {
  static forRoot(infra: Infrastructure, config: NwdConfig, verifier: TokenVerifier): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        PlatformModule.forRoot(infra, config),
        AccessModule.forRoot(verifier),
        ...BUSINESS_MODULES,
      ],
    };
  }
}
