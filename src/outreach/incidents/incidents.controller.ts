import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  ApiProblems,
  Ctx,
  PeriodQuery,
  ProblemException,
  ReadsFrom,
  UuidParam,
  writeResponse,
  type RequestContext,
} from '#platform';
import { LogsAccess, onCase, oneCase, Requires } from '../../access/index.js';
import { GetIndicators, type Indicators } from '../notifications/notifications.query.js';
import { RecordIncidentCommand, RecordNotificationCommand } from '../outreach.handlers.js';
import { RecordIncidentRequest, RecordNotificationRequest } from './incidents.dto.js';

/** Incidents, their Reg 40 notifications, and the high-risk-behaviour indicators. */
@ApiTags('outreach')
@ApiBearerAuth()
@Controller('api/young-people')
export class IncidentsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Post(':id/incidents')
  @HttpCode(201)
  @Requires('contact:write', onCase())
  @ApiOperation({
    summary: 'Record an incident; those notifiable under reg. 40 open pending notifications',
  })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  async record(
    @UuidParam('id') id: string,
    @Body() body: RecordIncidentRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const outcome = await this.commandBus.execute(RecordIncidentCommand.from(id, body, ctx));
    return writeResponse(res, outcome, { youngPersonId: id, incidentId: outcome.incidentId });
  }

  @Post(':id/incidents/:incidentId/notifications')
  @HttpCode(200)
  @Requires('incident:notify', onCase())
  @ApiOperation({
    summary: 'Record that Ofsted or the placing authority was notified, when and how',
  })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  async notified(
    @UuidParam('id') id: string,
    @UuidParam('incidentId') incidentId: string,
    @Body() body: RecordNotificationRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const outcome = await this.commandBus.execute(
      RecordNotificationCommand.from(id, incidentId, body, ctx),
    );
    return writeResponse(res, outcome, { youngPersonId: id, incidentId });
  }

  @Get(':id/indicators')
  @Requires('contact:read', onCase())
  @LogsAccess('risk indicators', oneCase)
  @ReadsFrom('missing_board', 'incidents')
  @ApiHeader({ name: 'X-Access-Reason', required: false })
  @ApiOperation({
    summary: 'Missing episodes and incidents over a stated period (high-risk-behaviour indicators)',
  })
  @ApiProblems(400, 401, 403, 404, 503)
  indicators(@UuidParam('id') id: string, @Query() q: PeriodQuery): Promise<Indicators> {
    if (q.from >= q.to) {
      throw new ProblemException(400, 'PERIOD.INVALID', 'from must be before to', [
        { field: 'to', message: 'must be after from' },
      ]);
    }
    return this.queryBus.execute(new GetIndicators(id, q.from, q.to));
  }
}
