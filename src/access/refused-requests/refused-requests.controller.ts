import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, DEFAULT_PAGE_SIZE, type Page } from '#platform';
import { AccessLogQuery } from '../access-log/access-log.controller.js';
import { Requires } from '../requires.decorator.js';
import { GetRefusedRequests, type RefusedEntry } from './refused-requests.query.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit/refused-requests')
export class RefusedRequestsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Requires('audit:read')
  @ApiOperation({
    summary:
      'Requests the access rules refused: no valid sign-in (401), not allowed (403), a case or hub out of the caller’s scope (404); newest first',
  })
  @ApiProblems(400, 401, 403, 503)
  list(@Query() q: AccessLogQuery): Promise<Page<RefusedEntry>> {
    return this.queryBus.execute(
      new GetRefusedRequests(
        { userId: q.userId, targetId: q.youngPersonId, from: q.from, to: q.to },
        q.limit ?? DEFAULT_PAGE_SIZE,
        q.cursor,
      ),
    );
  }
}
