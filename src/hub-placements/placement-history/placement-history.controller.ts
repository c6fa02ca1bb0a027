import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import {
  ApiProblems,
  FreshnessQuery,
  ProblemException,
  ReadsFrom,
  UuidParam,
  IsCalendarDate,
} from '#platform';
import { LogsAccess, onCase, onHubParam, oneCase, Requires } from '../../access/index.js';
import {
  GetOccupancy,
  GetPlacementHistory,
  type Occupancy,
  type PlacementEpisode,
} from './placement-history.query.js';

export class OccupancyQuery extends FreshnessQuery {
  @ApiProperty({ example: '2026-01-01', format: 'date', description: 'First night counted' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ example: '2026-04-01', format: 'date', description: 'First night not counted' })
  @IsCalendarDate()
  to!: string;
}

@ApiTags('hub placements')
@ApiBearerAuth()
@Controller('api')
export class PlacementHistoryController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('young-people/:id/placements')
  @Requires('placement:read', onCase())
  @LogsAccess('placement history', oneCase)
  @ReadsFrom('placement_history')
  @ApiHeader({ name: 'X-Access-Reason', required: false })
  @ApiOperation({
    summary: 'Every placement episode of the young person, in order, with its SSDA903 codes',
  })
  @ApiProblems(400, 401, 403, 404, 503)
  async history(@UuidParam('id') id: string, @Query() _freshness: FreshnessQuery) {
    const episodes: PlacementEpisode[] = await this.queryBus.execute(new GetPlacementHistory(id));
    return { youngPersonId: id, episodes };
  }

  @Get('hubs/:hubId/occupancy')
  @Requires('placement:read', onHubParam())
  @ReadsFrom('placement_history', 'bed_board')
  @ApiOperation({
    summary: 'Bed-nights used (planned and emergency) against available, over a stated window',
  })
  @ApiProblems(400, 401, 403, 404, 503)
  occupancy(@UuidParam('hubId') hubId: string, @Query() q: OccupancyQuery): Promise<Occupancy> {
    if (q.from >= q.to) {
      throw new ProblemException(400, 'OCCUPANCY.WINDOW_INVALID', 'from must be before to', [
        { field: 'to', message: 'must be after from' },
      ]);
    }
    return this.queryBus.execute(new GetOccupancy(hubId, q.from, q.to));
  }
}
