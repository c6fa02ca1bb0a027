import { Module, type DynamicModule } from '@nestjs/common';
import { RootController } from './root.controller.js';
import { WebAuthController } from './web-auth.controller.js';
import { WebPages } from './web-pages.js';
import { WEB_OIDC, type WebOidc } from './web-oidc.js';
import { WebOidcController } from './web-oidc.controller.js';

/**
 * The shell of the pages (GOV.UK Frontend and MOJ patterns, rendered by the API process itself):
 * sign-in and out, and `WebPages` for every capability's page controllers.
 */
@Module({})
export class WebModule {
  static forRoot(oidc: WebOidc | null): DynamicModule {
    return {
      module: WebModule,
      global: true,
      controllers: [RootController, WebAuthController, WebOidcController],
      providers: [WebPages, { provide: WEB_OIDC, useValue: oidc }],
      exports: [WebPages],
    };
  }
}
