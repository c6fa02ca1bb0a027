import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, FreshnessQuery, ReadsFrom, UuidParam } from '#platform';
import { LogsAccess, onHubParam, Requires } from '../../access/index.js';
import { GetMissingBoard, missingBoardRows } from './missing-board.query.js';

/** The hub's missing board: who is missing now, and return home interviews due. */
@ApiTags('outreach')
@ApiBearerAuth()
@Controller('api')
export class MissingBoardController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('hubs/:hubId/missing-board')
  @Requires('contact:read', onHubParam())
  @LogsAccess('missing board', missingBoardRows)
  @ReadsFrom('missing_board', 'caseloads')
  @ApiHeader({ name: 'X-Access-Reason', required: false })
  @ApiOperation({
    summary: 'Open missing episodes with durations, and return home interviews due or overdue',
  })
  @ApiProblems(400, 401, 403, 404, 503)
  missingBoard(@UuidParam('hubId') hubId: string, @Query() _q: FreshnessQuery) {
    return this.queryBus.execute(new GetMissingBoard(hubId));
  }
}
