import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, DEFAULT_PAGE_SIZE, ListQuery, ReadsFrom, UuidParam } from '#platform';
import { LogsAccess, onHubParam, pageOfCases, Requires } from '../../access/index.js';
import { GetPendingNotifications } from '../notifications/notifications.query.js';

/** Reg 40 notifications a hub owes. */
@ApiTags('outreach')
@ApiBearerAuth()
@Controller('api')
export class NotificationsController {
  constructor(private readonly queryBus: QueryBus) {}

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
}
