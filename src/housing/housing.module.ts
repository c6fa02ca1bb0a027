import { Module } from '@nestjs/common';
import { MoveHandler, PathwayHandler } from './housing.handlers.js';
import {
  GetHousingPathwayHandler,
  GetHousingWatchHandler,
  GetStabilityHandler,
  ListHousingOptionsHandler,
} from './housing.queries.js';
import { HousingOptionsController } from './housing-options.controller.js';
import { HousingWriter } from './housing-writer.js';
import { OptionHandler } from './options/housing-options.handlers.js';
import { housingOptionsProjection } from './options/housing-options.projection.js';
import { housingPathwayProjection } from './pathway/housing-pathway.projection.js';
import { YoungPersonHousingController } from './young-person-housing.controller.js';

export const housingProjections = [housingOptionsProjection, housingPathwayProjection];

/** Supported lodgings, supported accommodation, training flats, move-on and tenancies. */
@Module({
  controllers: [HousingOptionsController, YoungPersonHousingController],
  providers: [
    HousingWriter,
    OptionHandler,
    MoveHandler,
    PathwayHandler,
    ListHousingOptionsHandler,
    GetHousingPathwayHandler,
    GetHousingWatchHandler,
    GetStabilityHandler,
  ],
})
export class HousingModule {}
