import { HousingOptionsPagesController } from './web/housing-options-pages.controller.js';
import { HousingPagesController } from './web/housing-pages.controller.js';
import { Module } from '@nestjs/common';
import { pathwayHandlers } from './pathway/housing-pathway.handlers.js';
import { MoveHandler } from './options/move.handler.js';
import {
  GetHousingPathwayHandler,
  GetHousingWatchHandler,
  GetStabilityHandler,
} from './pathway/housing-pathway.query.js';
import { ListHousingOptionsHandler } from './options/housing-options.query.js';
import { HousingOptionsController } from './options/housing-options.controller.js';
import { HousingWriter } from './housing-writer.js';
import { optionHandlers } from './options/housing-options.handlers.js';
import { housingOptionsProjection } from './options/housing-options.projection.js';
import { housingPathwayProjection } from './pathway/housing-pathway.projection.js';
import { YoungPersonHousingController } from './pathway/young-person-housing.controller.js';

export const housingProjections = [housingOptionsProjection, housingPathwayProjection];

/** Supported lodgings, supported accommodation, training flats, move-on and tenancies. */
@Module({
  controllers: [
    HousingOptionsController,
    YoungPersonHousingController,
    HousingPagesController,
    HousingOptionsPagesController,
  ],
  providers: [
    HousingWriter,
    ...optionHandlers,
    MoveHandler,
    ...pathwayHandlers,
    ListHousingOptionsHandler,
    GetHousingPathwayHandler,
    GetHousingWatchHandler,
    GetStabilityHandler,
  ],
})
export class HousingModule {}
