import { Global, Module } from '@nestjs/common';
import { HUB_REGISTER } from '../young-people/index.js';
import { AdmissionsController } from './admissions/admissions.controller.js';
import { admissionHandlers } from './admissions/admissions.handlers.js';
import { BedBoardController } from './bed-board/bed-board.controller.js';
import { bedBoardProjection } from './bed-board/bed-board.projection.js';
import { GetBedBoardHandler } from './bed-board/bed-board.query.js';
import { CommunityFamiliesController } from './community-families/community-families.controller.js';
import { communityFamiliesProjection } from './community-families/community-families.projection.js';
import { ListCommunityFamiliesHandler } from './community-families/community-families.query.js';
import { communityFamilyHandlers } from './community-families/community-family.handlers.js';
import { HubDirectory } from './hub-directory.js';
import { BoardBeds } from './web/board-beds.js';
import { PlacementsOutsideController } from './placements-outside/placements-outside.controller.js';
import { placementsOutsideHandlers } from './placements-outside/placements-outside.handlers.js';
import { PlacementsOutsideReader } from './placements-outside/placements-outside.reader.js';
import { PlacementsOutsidePageController } from './web/placements-outside-page.controller.js';
import { LegalStatusPageController } from './web/legal-status-page.controller.js';
import { HubRegistrationPageController } from './web/hub-registration-page.controller.js';
import { PlacementHistoryController } from './placement-history/placement-history.controller.js';
import { placementHistoryProjection } from './placement-history/placement-history.projection.js';
import {
  GetOccupancyHandler,
  GetPlacementHistoryHandler,
} from './placement-history/placement-history.query.js';
import { HubsListController } from './hubs-list/hubs-list.controller.js';
import { hubsListProjection } from './hubs-list/hubs-list.projection.js';
import { ListHubsHandler } from './hubs-list/hubs-list.query.js';
import { OpenHubController } from './open-hub/open-hub.controller.js';
import { OpenHubHandler } from './open-hub/open-hub.handler.js';
import { StaffController } from './staff/staff.controller.js';
import { staffHandlers } from './staff/staff.handlers.js';
import { BedPagesController } from './web/bed-pages.controller.js';
import { FamilyPagesController } from './web/family-pages.controller.js';
import { BedsPageController } from './web/beds-page.controller.js';
import { StaffPageController } from './web/staff-page.controller.js';
import { BedsTraySource } from './work-tray/beds-tray.source.js';
import { BedFlagSource } from './case-flags/bed-flags.source.js';

export const hubPlacementsProjections = [
  hubsListProjection,
  bedBoardProjection,
  communityFamiliesProjection,
  placementHistoryProjection,
];

@Global()
@Module({
  controllers: [
    BedsPageController,
    BedPagesController,
    FamilyPagesController,
    StaffPageController,
    HubRegistrationPageController,
    LegalStatusPageController,
    PlacementsOutsidePageController,
    OpenHubController,
    HubsListController,
    AdmissionsController,
    BedBoardController,
    CommunityFamiliesController,
    PlacementHistoryController,
    PlacementsOutsideController,
    StaffController,
  ],
  providers: [
    BedsTraySource,
    BedFlagSource,
    OpenHubHandler,
    ListHubsHandler,
    HubDirectory,
    { provide: HUB_REGISTER, useExisting: HubDirectory },
    GetBedBoardHandler,
    ...admissionHandlers,
    ListCommunityFamiliesHandler,
    ...communityFamilyHandlers,
    GetPlacementHistoryHandler,
    PlacementsOutsideReader,
    BoardBeds,
    ...placementsOutsideHandlers,
    GetOccupancyHandler,
    ...staffHandlers,
  ],
  exports: [HubDirectory, HUB_REGISTER],
})
export class HubPlacementsModule {}
