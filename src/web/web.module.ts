import { Module } from '@nestjs/common';
import { WebAuditorController } from './web-auditor.controller.js';
import { WebAuthController } from './web-auth.controller.js';
import { WebManagerController } from './web-manager.controller.js';
import { WebPages } from './web-pages.js';
import { WebWorkerController } from './web-worker.controller.js';

/** The web pages: GOV.UK Frontend and MOJ patterns, rendered by the API process itself. */
@Module({
  controllers: [WebAuthController, WebManagerController, WebWorkerController, WebAuditorController],
  providers: [WebPages],
})
export class WebModule {}
