import { Body, Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiProblems, Ctx, UuidParam, writeResponse, type RequestContext } from '#platform';
import { onHubParam, Requires } from '../../access/index.js';
import { HubDirectory } from '../hub-directory.js';
import { AddStaffRequest, EndStaffRequest, StaffListResponse } from './staff.dto.js';
import { AddStaffCommand, EndStaffCommand } from './staff.handlers.js';

/** A hub's staff list: who works there, in what role, and how they sign in. */
@ApiTags('hubs')
@ApiBearerAuth()
@Controller('api/hubs')
export class StaffController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly hubs: HubDirectory,
  ) {}

  @Get(':hubId/staff')
  @Requires('staff:read', onHubParam())
  @ApiOperation({ summary: 'The hub’s staff list, with those who have left' })
  @ApiOkResponse({ type: StaffListResponse })
  @ApiProblems(400, 401, 403)
  async list(@UuidParam('hubId') hubId: string): Promise<StaffListResponse> {
    return { staff: (await this.hubs.staffList(hubId)).members };
  }

  @Post(':hubId/staff')
  @HttpCode(201)
  @Requires('staff:write', onHubParam())
  @ApiOperation({ summary: 'Add someone to the hub’s staff list' })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  async add(
    @UuidParam('hubId') hubId: string,
    @Body() body: AddStaffRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const outcome = await this.commandBus.execute(AddStaffCommand.from(hubId, body, ctx));
    return writeResponse(res, outcome, { hubId, staffId: outcome.staffId });
  }

  @Post(':hubId/staff/:staffId/end')
  @HttpCode(200)
  @Requires('staff:write', onHubParam())
  @ApiOperation({ summary: 'Record that someone has left the hub' })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  async end(
    @UuidParam('hubId') hubId: string,
    @UuidParam('staffId') staffId: string,
    @Body() body: EndStaffRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const outcome = await this.commandBus.execute(EndStaffCommand.from(hubId, staffId, body, ctx));
    return writeResponse(res, outcome, { hubId, staffId });
  }
}
