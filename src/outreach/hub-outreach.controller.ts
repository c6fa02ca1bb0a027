import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import {
  ApiProblems,
  DEFAULT_PAGE_SIZE,
  FreshnessQuery,
  IsCalendarDate,
  ListQuery,
  ProblemException,
  ReadsFrom,
  UuidParam,
} from '#platform';
import {
  Access,
  LogsAccess,
  onHubParam,
  pageOfCases,
  Requires,
  scopedList,
  type AccessScope,
} from '../access/index.js';
import { GetMissingBoard, missingBoardRows } from './missing-board/missing-board.query.js';
import { GetPendingNotifications } from './notifications/notifications.query.js';
import { GetWorkerDay, workerDayRows, type WorkerDay } from './timeline/contact-timeline.query.js';

export class DayQuery extends FreshnessQuery {
  @ApiProperty({ example: '2026-03-02', format: 'date', description: 'The day (UK time)' })
  @IsCalendarDate()
  date!: string;
}

/** The hub's outreach boards: who is missing, interviews due, notifications owed. */
@ApiTags('outreach')
@ApiBearerAuth()
@Controller('api')
export class HubOutreachController {
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

  @Get('hubs/:hubId/notifications')
  @Requires('contact:read', onHubParam())
  @LogsAccess('pending notifications', pageOfCases)
  @ReadsFrom('incidents', 'caseloads')
  @ApiHeader({ name: 'X-Access-Reason', required: false })
  @ApiOperation({ summary: 'Reg 40 notifications owed and not yet recorded as sent, oldest first' })
  @ApiProblems(400, 401, 403, 404, 503)
  notifications(@UuidParam('hubId') hubId: string, @Query() q: ListQuery) {
    return this.queryBus.execute(
      new GetPendingNotifications(hubId, q.limit ?? DEFAULT_PAGE_SIZE, q.cursor),
    );
  }

  @Get('outreach/workers/:workerId/day')
  @Requires('contact:read', scopedList())
  @LogsAccess('worker day', workerDayRows)
  @ReadsFrom('contact_timeline')
  @ApiHeader({ name: 'X-Access-Reason', required: false })
  @ApiOperation({ summary: 'A worker’s day: contacts they logged that day and follow-ups due' })
  @ApiProblems(400, 401, 403, 503)
  workerDay(
    @Param('workerId') workerId: string,
    @Query() q: DayQuery,
    @Access() access: AccessScope,
  ): Promise<WorkerDay> {
    if (!/^[A-Za-z0-9._@-]{1,100}$/.test(workerId)) {
      throw new ProblemException(400, 'REQUEST.MALFORMED_ID', 'workerId is not a worker id', [
        { field: 'workerId', message: 'must be 1 to 100 letters, digits or . _ @ -' },
      ]);
    }
    return this.queryBus.execute(new GetWorkerDay(workerId, q.date, access));
  }
}
