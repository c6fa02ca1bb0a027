import { Module, type DynamicModule } from '@nestjs/common';
import {
  PlatformModule,
  type Infrastructure,
  type NwdConfig,
} from '../../libs/platform/src/index.js';
import { BUSINESS_MODULES } from '../composition/composition.js';

@Module({})
export class ApiModule {
  static forRoot(infra: Infrastructure, config: NwdConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [PlatformModule.forRoot(infra, config), ...BUSINESS_MODULES],
    };
  }
}
