import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  ApiProblems,
  Ctx,
  FreshnessQuery,
  ReadsFrom,
  UuidParam,
  writeResponse,
  type RequestContext,
} from '#platform';
import { LogsAccess, onCase, oneCase, Requires } from '../../access/index.js';
import { GetMissingEpisodes } from '../missing-board/missing-board.query.js';
import {
  RecordInterviewCommand,
  RecordReturnCommand,
  ReportMissingCommand,
  UpdateMissingCommand,
} from '../outreach.handlers.js';
import {
  RecordInterviewRequest,
  RecordReturnRequest,
  ReportMissingRequest,
  UpdateMissingRequest,
} from './missing.dto.js';

/** Missing and away-from-placement episodes, the return, and the return home interview. */
@ApiTags('outreach')
@ApiBearerAuth()
@Controller('api/young-people')
export class MissingController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Post(':id/missing-episodes')
  @HttpCode(201)
  @Requires('contact:write', onCase())
  @ApiOperation({
    summary: 'Report the young person missing (M) or away without authorisation (A)',
  })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  async report(
    @UuidParam('id') id: string,
    @Body() body: ReportMissingRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const outcome = await this.commandBus.execute(ReportMissingCommand.from(id, body, ctx));
    return writeResponse(res, outcome, { youngPersonId: id, episodeId: outcome.episodeId });
  }

  @Post(':id/missing-episodes/:episodeId/updates')
  @HttpCode(200)
  @Requires('contact:write', onCase())
  @ApiOperation({ summary: 'Add an update to an open episode (sightings, police reference)' })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  async update(
    @UuidParam('id') id: string,
    @UuidParam('episodeId') episodeId: string,
    @Body() body: UpdateMissingRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const outcome = await this.commandBus.execute(
      UpdateMissingCommand.from(id, episodeId, body, ctx),
    );
    return writeResponse(res, outcome, { youngPersonId: id, episodeId });
  }

  @Post(':id/missing-episodes/:episodeId/return')
  @HttpCode(200)
  @Requires('contact:write', onCase())
  @ApiOperation({
    summary: 'Record the return; a return home interview falls due within the configured window',
  })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  async recordReturn(
    @UuidParam('id') id: string,
    @UuidParam('episodeId') episodeId: string,
    @Body() body: RecordReturnRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const outcome = await this.commandBus.execute(
      RecordReturnCommand.from(id, episodeId, body, ctx),
    );
    return writeResponse(res, outcome, { youngPersonId: id, episodeId });
  }

  @Post(':id/missing-episodes/:episodeId/return-interview')
  @HttpCode(200)
  @Requires('contact:write', onCase())
  @ApiOperation({
    summary: 'Record the return home interview: offered, then accepted or declined, then completed',
  })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  async interview(
    @UuidParam('id') id: string,
    @UuidParam('episodeId') episodeId: string,
    @Body() body: RecordInterviewRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const outcome = await this.commandBus.execute(
      RecordInterviewCommand.from(id, episodeId, body, ctx),
    );
    return writeResponse(res, outcome, { youngPersonId: id, episodeId });
  }

  @Get(':id/missing-episodes')
  @Requires('contact:read', onCase())
  @LogsAccess('missing episodes', oneCase)
  @ReadsFrom('missing_board', 'caseloads')
  @ApiHeader({ name: 'X-Access-Reason', required: false })
  @ApiOperation({ summary: 'The young person’s missing episodes, newest first' })
  @ApiProblems(400, 401, 403, 404, 503)
  async episodes(@UuidParam('id') id: string, @Query() _freshness: FreshnessQuery) {
    return { youngPersonId: id, episodes: await this.queryBus.execute(new GetMissingEpisodes(id)) };
  }
}
