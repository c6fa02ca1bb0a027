import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, FreshnessQuery, ReadsFrom, UuidParam } from '#platform';
import { LogsAccess, onHubParam, Requires } from '../../access/index.js';
import { bedBoardRows, GetBedBoard, type BedBoard } from './bed-board.query.js';

@ApiTags('hub placements')
@ApiBearerAuth()
@Controller('api/hubs')
export class BedBoardController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':hubId/bed-board')
  @Requires('placement:read', onHubParam())
  @LogsAccess('bed board', bedBoardRows)
  @ReadsFrom('bed_board', 'caseloads')
  @ApiHeader({ name: 'X-Access-Reason', required: false })
  @ApiOperation({
    summary:
      'The hub’s beds: free, occupied (since when, days over the stay threshold), out of use',
  })
  @ApiProblems(400, 401, 403, 404, 503)
  board(@UuidParam('hubId') hubId: string, @Query() _freshness: FreshnessQuery): Promise<BedBoard> {
    return this.queryBus.execute(new GetBedBoard(hubId));
  }
}
