import { Module, type DynamicModule } from '@nestjs/common';
import { WebAuditorController } from './web-auditor.controller.js';
import { WebAuthController } from './web-auth.controller.js';
import { WebManagerController } from './web-manager.controller.js';
import { WebPages } from './web-pages.js';
import { WebWorkerController } from './web-worker.controller.js';
import { WebMissingController } from './web-missing.controller.js';
import { WEB_OIDC, type WebOidc } from './web-oidc.js';
import { WebOidcController } from './web-oidc.controller.js';

/** The web pages: GOV.UK Frontend and MOJ patterns, rendered by the API process itself. */
@Module({})
export class WebModule {
  static forRoot(oidc: WebOidc | null): DynamicModule {
    return {
      module: WebModule,
      controllers: [
        WebAuthController,
        WebOidcController,
        WebManagerController,
        WebWorkerController,
        WebAuditorController,
        WebMissingController,
      ],
      providers: [WebPages, { provide: WEB_OIDC, useValue: oidc }],
    };
  }
}
