import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import {
  ApiProblems,
  FreshnessQuery,
  IsCalendarDate,
  ProblemException,
  ReadsFrom,
} from '#platform';
import { Access, LogsAccess, Requires, scopedList, type AccessScope } from '../../access/index.js';
import { GetWorkerDay, workerDayRows, type WorkerDay } from '../timeline/contact-timeline.query.js';

export class DayQuery extends FreshnessQuery {
  @ApiProperty({ example: '2026-03-02', format: 'date', description: 'The day (UK time)' })
  @IsCalendarDate()
  date!: string;
}

/** A worker's day, for the worker and their manager. */
@ApiTags('outreach')
@ApiBearerAuth()
@Controller('api')
export class WorkerDayController {
  constructor(private readonly queryBus: QueryBus) {}

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
