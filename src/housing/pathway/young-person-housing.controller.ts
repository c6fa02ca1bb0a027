import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus, type Command } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  ApiProblems,
  Ctx,
  FreshnessQuery,
  ProblemException,
  ReadsFrom,
  UuidParam,
  writeResponse,
  type CommandOutcome,
  type RequestContext,
} from '#platform';
import { LogsAccess, onCase, oneCase, Requires } from '../../access/index.js';
import { PeriodQuery } from '#platform';
import { MoveRequest } from '../options/housing-option.dto.js';
import {
  CareLeaverRecordRequest,
  EndTenancyRequest,
  ResolveConcernRequest,
  SetPlanRequest,
  StartTenancyRequest,
  TenancyConcernRequest,
} from './housing-pathway.dto.js';
import {
  ChangeTenancyCommand,
  RecordCareLeaverCommand,
  SetHousingPlanCommand,
  StartTenancyCommand,
} from './housing-pathway.handlers.js';
import { MoveCommand } from '../options/move.handler.js';
import { GetHousingPathway, GetStability } from './housing-pathway.query.js';

/** A young person's accommodation pathway: moves, plan, tenancies, care leaver records. */
@ApiTags('housing options')
@ApiBearerAuth()
@Controller('api/young-people')
export class YoungPersonHousingController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  private async write(
    res: Response,
    id: string,
    command: Command<CommandOutcome & { tenancyId?: string }>,
    extra: object = {},
  ) {
    const outcome = await this.commandBus.execute(command);
    return writeResponse(res, outcome, {
      youngPersonId: id,
      ...extra,
      ...('tenancyId' in outcome && outcome.tenancyId ? { tenancyId: outcome.tenancyId } : {}),
    });
  }

  @Post(':id/housing/moves')
  @HttpCode(201)
  @Requires('housing:write', onCase())
  @ApiOperation({
    summary:
      'Record a move: into one of the hub’s options (vacancy and age rules) or anywhere else',
  })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422, 503)
  move(
    @UuidParam('id') id: string,
    @Body() body: MoveRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.write(res, id, MoveCommand.from(id, body, ctx));
  }

  @Post(':id/housing/plan')
  @HttpCode(200)
  @Requires('housing:write', onCase())
  @ApiOperation({ summary: 'Set the accommodation plan with target moves (16 and over)' })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  plan(
    @UuidParam('id') id: string,
    @Body() body: SetPlanRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.write(res, id, SetHousingPlanCommand.from(id, body, ctx));
  }

  @Post(':id/tenancies')
  @HttpCode(201)
  @Requires('housing:write', onCase())
  @ApiOperation({ summary: 'Start a tenancy (landlord type, start, weekly rent)' })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  tenancy(
    @UuidParam('id') id: string,
    @Body() body: StartTenancyRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.write(res, id, StartTenancyCommand.from(id, body, ctx));
  }

  @Post(':id/tenancies/:tenancyId/concerns')
  @HttpCode(200)
  @Requires('housing:write', onCase())
  @ApiOperation({ summary: 'Record arrears, a notice or another sustainment concern' })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  concern(
    @UuidParam('id') id: string,
    @UuidParam('tenancyId') tenancyId: string,
    @Body() body: TenancyConcernRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.write(res, id, ChangeTenancyCommand.concern(id, tenancyId, body, ctx), {
      tenancyId,
    });
  }

  @Post(':id/tenancies/:tenancyId/resolve')
  @HttpCode(200)
  @Requires('housing:write', onCase())
  @ApiOperation({ summary: 'Record that a tenancy concern is resolved' })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  resolve(
    @UuidParam('id') id: string,
    @UuidParam('tenancyId') tenancyId: string,
    @Body() body: ResolveConcernRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.write(res, id, ChangeTenancyCommand.resolve(id, tenancyId, body, ctx), {
      tenancyId,
    });
  }

  @Post(':id/tenancies/:tenancyId/end')
  @HttpCode(200)
  @Requires('housing:write', onCase())
  @ApiOperation({ summary: 'End a tenancy' })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  end(
    @UuidParam('id') id: string,
    @UuidParam('tenancyId') tenancyId: string,
    @Body() body: EndTenancyRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.write(res, id, ChangeTenancyCommand.end(id, tenancyId, body, ctx), { tenancyId });
  }

  @Post(':id/care-leaver-records')
  @HttpCode(201)
  @Requires('housing:write', onCase())
  @ApiOperation({
    summary:
      'Record SSDA903 OC3 (in touch, activity, accommodation) around a birthday from 17 to 21',
  })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  careLeaver(
    @UuidParam('id') id: string,
    @Body() body: CareLeaverRecordRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.write(res, id, RecordCareLeaverCommand.from(id, body, ctx));
  }

  @Get(':id/housing')
  @Requires('housing:read', onCase())
  @LogsAccess('housing pathway', oneCase)
  @ReadsFrom('housing_pathway')
  @ApiHeader({ name: 'X-Access-Reason', required: false })
  @ApiOperation({
    summary: 'Every accommodation in order with reasons, the plan, tenancies, OC3 records',
  })
  @ApiProblems(400, 401, 403, 404, 503)
  pathway(@UuidParam('id') id: string, @Query() _q: FreshnessQuery) {
    return this.queryBus.execute(new GetHousingPathway(id));
  }

  @Get(':id/housing/stability')
  @Requires('housing:read', onCase())
  @LogsAccess('accommodation stability', oneCase)
  @ReadsFrom('housing_pathway')
  @ApiHeader({ name: 'X-Access-Reason', required: false })
  @ApiOperation({ summary: 'Accommodation stability: the moves within a stated period' })
  @ApiProblems(400, 401, 403, 404, 503)
  stability(@UuidParam('id') id: string, @Query() q: PeriodQuery) {
    if (q.from >= q.to) {
      throw new ProblemException(400, 'PERIOD.INVALID', 'from must be before to', [
        { field: 'to', message: 'must be after from' },
      ]);
    }
    return this.queryBus.execute(new GetStability(id, q.from, q.to));
  }
}
