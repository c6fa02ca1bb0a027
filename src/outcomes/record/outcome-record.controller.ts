import { Body, Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiProblems, Ctx, UuidParam, writeResponse, type RequestContext } from '#platform';
import { LogsAccess, onCase, oneCase, Requires } from '../../access/index.js';
import {
  BaselineRequest,
  CloseMarkerRequest,
  ConferenceRequest,
  EducationRequest,
  JusticeRequest,
  OpenMarkerRequest,
} from './outcome-record.dto.js';
import { RecordOutcomeCommand } from './outcome-record.handlers.js';
import { OutcomeRecordReader } from './outcome-record.reader.js';

/**
 * What the evaluation's indicators need of a young person beyond the other capabilities' records:
 * police and justice, education and work, concerns (exploitation, substances, crisis), the year
 * before referral, and family group conferences. Recorded by the hub's staff, seen by the team.
 */
@ApiTags('outcomes')
@ApiBearerAuth()
@Controller('api/young-people')
export class OutcomeRecordController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly reader: OutcomeRecordReader,
  ) {}

  private async write(res: Response, id: string, command: RecordOutcomeCommand, key: string) {
    const outcome = await this.commandBus.execute(command);
    return writeResponse(res, outcome, {
      youngPersonId: id,
      ...(outcome.id ? { [key]: outcome.id } : {}),
    });
  }

  @Get(':id/outcomes')
  @Requires('outcome:read', onCase())
  @LogsAccess('outcomes', oneCase)
  @ApiHeader({ name: 'X-Access-Reason', required: false })
  @ApiOperation({
    summary:
      'Justice, education and work, concerns, the year before referral and family group conferences, from the young person’s outcomes stream',
  })
  @ApiProblems(400, 401, 403, 404)
  record(@UuidParam('id') id: string) {
    return this.reader.of(id);
  }

  @Post(':id/outcomes/justice')
  @HttpCode(201)
  @Requires('outcome:write', onCase())
  @ApiOperation({ summary: 'An arrest, charge, caution or conviction, on the day it happened' })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  justice(
    @UuidParam('id') id: string,
    @Body() body: JusticeRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.write(res, id, RecordOutcomeCommand.justice(id, body, ctx), 'entryId');
  }

  @Post(':id/outcomes/education')
  @HttpCode(201)
  @Requires('outcome:write', onCase())
  @ApiOperation({
    summary:
      'Education, training or employment from a day (school and attendance under 16; education, training, employment or NEET from 16)',
  })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  education(
    @UuidParam('id') id: string,
    @Body() body: EducationRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.write(res, id, RecordOutcomeCommand.education(id, body, ctx), 'entryId');
  }

  @Post(':id/outcomes/concerns')
  @HttpCode(201)
  @Requires('outcome:write', onCase())
  @ApiOperation({
    summary:
      'Open a concern (sexual or criminal exploitation, substance misuse, a crisis): a flag on the case until it is closed',
  })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  openConcern(
    @UuidParam('id') id: string,
    @Body() body: OpenMarkerRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.write(res, id, RecordOutcomeCommand.openMarker(id, body, ctx), 'markerId');
  }

  @Post(':id/outcomes/concerns/:markerId/close')
  @HttpCode(200)
  @Requires('outcome:write', onCase())
  @ApiOperation({ summary: 'Close a concern, on or after the day it opened' })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  closeConcern(
    @UuidParam('id') id: string,
    @UuidParam('markerId') markerId: string,
    @Body() body: CloseMarkerRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.write(
      res,
      id,
      RecordOutcomeCommand.closeMarker(id, markerId, body, ctx),
      'markerId',
    );
  }

  @Post(':id/outcomes/baseline')
  @HttpCode(201)
  @Requires('outcome:write', onCase())
  @ApiOperation({
    summary:
      'The year before referral: missing episodes, arrests, placements, residential nights and school exclusions in the 12 months before (again only with a reason)',
  })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  baseline(
    @UuidParam('id') id: string,
    @Body() body: BaselineRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.write(res, id, RecordOutcomeCommand.baseline(id, body, ctx), 'id');
  }

  @Post(':id/outcomes/family-group-conferences')
  @HttpCode(201)
  @Requires('outcome:write', onCase())
  @ApiOperation({ summary: 'A family group conference planned (its first stage)' })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  conference(
    @UuidParam('id') id: string,
    @Body() body: ConferenceRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.write(res, id, RecordOutcomeCommand.conference(id, null, body, ctx), 'fgcId');
  }

  @Post(':id/outcomes/family-group-conferences/:fgcId/stages')
  @HttpCode(201)
  @Requires('outcome:write', onCase())
  @ApiOperation({
    summary: 'The next stage of a family group conference: held, plan agreed, reviewed',
  })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  conferenceStage(
    @UuidParam('id') id: string,
    @UuidParam('fgcId') fgcId: string,
    @Body() body: ConferenceRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.write(res, id, RecordOutcomeCommand.conference(id, fgcId, body, ctx), 'fgcId');
  }
}
