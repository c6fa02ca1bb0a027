import { Module } from '@nestjs/common';
import { HubDirectory } from './hub-directory.js';
import { HubsListController } from './hubs-list/hubs-list.controller.js';
import { hubsListProjection } from './hubs-list/hubs-list.projection.js';
import { ListHubsHandler } from './hubs-list/hubs-list.query.js';
import { OpenHubController } from './open-hub/open-hub.controller.js';
import { OpenHubHandler } from './open-hub/open-hub.handler.js';

export const hubPlacementsProjections = [hubsListProjection];

@Module({
  controllers: [OpenHubController, HubsListController],
  providers: [OpenHubHandler, ListHubsHandler, HubDirectory],
  exports: [HubDirectory],
})
export class HubPlacementsModule {}
