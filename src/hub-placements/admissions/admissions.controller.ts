import { Body, Controller, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  ApiProblems,
  Ctx,
  ProblemException,
  UuidParam,
  writeResponse,
  type CommandOutcome,
  type RequestContext,
} from '#platform';
import { onHubParam, Requires } from '../../access/index.js';
import {
  AdmitRequest,
  BED_ID_PATTERN,
  BedBackInUseRequest,
  BedOutOfUseRequest,
  DischargeRequest,
  MoveBedRequest,
  LegalStatusRequest,
  StayThresholdRequest,
  HubRegistrationRequest,
} from './admissions.dto.js';
import {
  AdmitCommand,
  BedBackInUseCommand,
  BedOutOfUseCommand,
  DischargeCommand,
  MoveBedCommand,
  LegalStatusCommand,
  StayThresholdCommand,
  HubRegistrationCommand,
} from './admissions.handlers.js';

function hubWrite(res: Response, hubId: string, outcome: CommandOutcome) {
  return writeResponse(res, outcome, { hubId });
}

function bedId(value: string): string {
  if (!BED_ID_PATTERN.test(value)) {
    throw new ProblemException(400, 'REQUEST.MALFORMED_ID', 'bedId is not a bed id', [
      { field: 'bedId', message: 'must be a bed id such as planned-1' },
    ]);
  }
  return value;
}

/** Beds and admissions: every change is an event on the hub's stream (the one truth of the beds). */
@ApiTags('hub placements')
@ApiBearerAuth()
@Controller('api/hubs')
export class AdmissionsController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':hubId/admissions')
  @HttpCode(201)
  @Requires('placement:write', onHubParam())
  @ApiOperation({
    summary: 'Admit an accepted young person of this hub to a bed, with the SSDA903 episode data',
  })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  async admit(
    @UuidParam('hubId') hubId: string,
    @Body() body: AdmitRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return hubWrite(res, hubId, await this.commandBus.execute(AdmitCommand.from(hubId, body, ctx)));
  }

  @Post(':hubId/admissions/:youngPersonId/discharge')
  @HttpCode(200)
  @Requires('placement:write', onHubParam())
  @ApiOperation({
    summary:
      'Move a young person out of a bed (to outreach, a family, lodgings, home...): the case goes on',
  })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  async discharge(
    @UuidParam('hubId') hubId: string,
    @UuidParam('youngPersonId') youngPersonId: string,
    @Body() body: DischargeRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return hubWrite(
      res,
      hubId,
      await this.commandBus.execute(DischargeCommand.from(hubId, youngPersonId, body, ctx)),
    );
  }

  @Post(':hubId/admissions/:youngPersonId/legal-status')
  @HttpCode(200)
  @Requires('placement:write', onHubParam())
  @ApiOperation({
    summary:
      'The legal status of a young person in a bed changed (a care order made, say): the stay goes on, the SSDA903 return starts a new episode that day',
  })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  async legalStatus(
    @UuidParam('hubId') hubId: string,
    @UuidParam('youngPersonId') youngPersonId: string,
    @Body() body: LegalStatusRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return hubWrite(
      res,
      hubId,
      await this.commandBus.execute(LegalStatusCommand.from(hubId, youngPersonId, body, ctx)),
    );
  }

  @Post(':hubId/admissions/:youngPersonId/move-bed')
  @HttpCode(200)
  @Requires('placement:write', onHubParam())
  @ApiOperation({
    summary:
      'Move a young person to another free bed of the hub: the same stay and SSDA903 episode',
  })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  async moveBed(
    @UuidParam('hubId') hubId: string,
    @UuidParam('youngPersonId') youngPersonId: string,
    @Body() body: MoveBedRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return hubWrite(
      res,
      hubId,
      await this.commandBus.execute(MoveBedCommand.from(hubId, youngPersonId, body, ctx)),
    );
  }

  @Post(':hubId/beds/:bedId/out-of-use')
  @HttpCode(200)
  @Requires('placement:write', onHubParam())
  @ApiOperation({ summary: 'Take a bed out of use, with the reason' })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  async outOfUse(
    @UuidParam('hubId') hubId: string,
    @Param('bedId') bed: string,
    @Body() body: BedOutOfUseRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return hubWrite(
      res,
      hubId,
      await this.commandBus.execute(BedOutOfUseCommand.from(hubId, bedId(bed), body, ctx)),
    );
  }

  @Post(':hubId/beds/:bedId/back-in-use')
  @HttpCode(200)
  @Requires('placement:write', onHubParam())
  @ApiOperation({ summary: 'Bring a bed back into use' })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  async backInUse(
    @UuidParam('hubId') hubId: string,
    @Param('bedId') bed: string,
    @Body() body: BedBackInUseRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return hubWrite(
      res,
      hubId,
      await this.commandBus.execute(BedBackInUseCommand.from(hubId, bedId(bed), body, ctx)),
    );
  }

  @Put(':hubId/registration')
  @HttpCode(200)
  @Requires('placement:write', onHubParam())
  @ApiOperation({
    summary:
      'The hub’s council (its ONS code, the SSDA903 la_code) and Ofsted URN, for the statutory returns',
  })
  @ApiProblems(400, 401, 403, 404, 412)
  async registration(
    @UuidParam('hubId') hubId: string,
    @Body() body: HubRegistrationRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return hubWrite(
      res,
      hubId,
      await this.commandBus.execute(HubRegistrationCommand.from(hubId, body, ctx)),
    );
  }

  @Put(':hubId/stay-threshold')
  @HttpCode(200)
  @Requires('placement:write', onHubParam())
  @ApiOperation({
    summary: 'Weeks after which a residential stay is flagged on the bed board (default 12)',
  })
  @ApiProblems(400, 401, 403, 404, 412)
  async threshold(
    @UuidParam('hubId') hubId: string,
    @Body() body: StayThresholdRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return hubWrite(
      res,
      hubId,
      await this.commandBus.execute(StayThresholdCommand.from(hubId, body, ctx)),
    );
  }
}
