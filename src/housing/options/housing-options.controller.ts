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
import {
  keepRows,
  LogsAccess,
  onHubParam,
  Requires,
  rowsOf,
  type RowsAboutYoungPeople,
} from '../../access/index.js';
import {
  OfstedRegistrationRequest,
  RegisterOptionRequest,
  SuspendOptionRequest,
} from './housing-option.dto.js';
import { GetHousingWatch } from '../pathway/housing-pathway.query.js';
import { ListHousingOptions } from './housing-options.query.js';
import {
  RecordRegistrationCommand,
  RegisterOptionCommand,
  SuspendOptionCommand,
} from './housing-options.handlers.js';

type Watch = {
  upcomingMoves: { youngPersonId: string }[];
  tenanciesAtRisk: { youngPersonId: string }[];
};

/** The watch's rows about young people: their planned moves and tenancies at risk. */
const peopleWatched: RowsAboutYoungPeople = {
  ids: (r) => [...rowsOf((r as Watch).upcomingMoves), ...rowsOf((r as Watch).tenanciesAtRisk)],
  keep: (r, allowed) => ({
    ...(r as Watch),
    upcomingMoves: keepRows((r as Watch).upcomingMoves, allowed),
    tenanciesAtRisk: keepRows((r as Watch).tenanciesAtRisk, allowed),
  }),
};

/** The hub's housing options: hosts, providers, training flats and move-on, with vacancies. */
@ApiTags('housing options')
@ApiBearerAuth()
@Controller('api/hubs')
export class HousingOptionsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Post(':hubId/housing-options')
  @HttpCode(201)
  @Requires('housing:options', onHubParam())
  @ApiOperation({
    summary: 'Register a supported lodgings host, provider, training flat or move-on option',
  })
  @ApiProblems(400, 401, 403, 404, 422)
  async register(
    @UuidParam('hubId') hubId: string,
    @Body() body: RegisterOptionRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const outcome = await this.commandBus.execute(RegisterOptionCommand.from(hubId, body, ctx));
    return writeResponse(res, outcome, { hubId, optionId: outcome.optionId });
  }

  @Get(':hubId/housing-options')
  @Requires('housing:read', onHubParam())
  @ReadsFrom('housing_options')
  @ApiOperation({ summary: 'Vacancies across all the hub’s housing options' })
  @ApiProblems(400, 401, 403, 404, 503)
  list(@UuidParam('hubId') hubId: string, @Query() _q: FreshnessQuery) {
    return this.queryBus.execute(new ListHousingOptions(hubId));
  }

  @Post(':hubId/housing-options/:optionId/suspend')
  @HttpCode(200)
  @Requires('housing:options', onHubParam())
  @ApiOperation({ summary: 'Suspend a host or provider: it takes no new placement' })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  async suspend(
    @UuidParam('hubId') hubId: string,
    @UuidParam('optionId') optionId: string,
    @Body() body: SuspendOptionRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const outcome = await this.commandBus.execute(
      SuspendOptionCommand.from(hubId, optionId, true, body, ctx),
    );
    return writeResponse(res, outcome, { hubId, optionId });
  }

  @Post(':hubId/housing-options/:optionId/reinstate')
  @HttpCode(200)
  @Requires('housing:options', onHubParam())
  @ApiOperation({ summary: 'End a suspension' })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  async reinstate(
    @UuidParam('hubId') hubId: string,
    @UuidParam('optionId') optionId: string,
    @Body() body: SuspendOptionRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const outcome = await this.commandBus.execute(
      SuspendOptionCommand.from(hubId, optionId, false, body, ctx),
    );
    return writeResponse(res, outcome, { hubId, optionId });
  }

  @Post(':hubId/housing-options/:optionId/ofsted-registration')
  @HttpCode(200)
  @Requires('housing:options', onHubParam())
  @ApiOperation({ summary: 'Record a supported accommodation provider’s Ofsted registration' })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  async registration(
    @UuidParam('hubId') hubId: string,
    @UuidParam('optionId') optionId: string,
    @Body() body: OfstedRegistrationRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const outcome = await this.commandBus.execute(
      RecordRegistrationCommand.from(hubId, optionId, body, ctx),
    );
    return writeResponse(res, outcome, { hubId, optionId });
  }

  @Get(':hubId/housing-watch')
  @Requires('housing:read', onHubParam())
  @LogsAccess('housing watch', peopleWatched)
  @ReadsFrom('housing_pathway', 'caseloads')
  @ApiHeader({ name: 'X-Access-Reason', required: false })
  @ApiOperation({ summary: 'Upcoming planned moves and tenancies at risk (arrears, notices)' })
  @ApiProblems(400, 401, 403, 404, 503)
  watch(@UuidParam('hubId') hubId: string, @Query() _q: FreshnessQuery) {
    return this.queryBus.execute(new GetHousingWatch(hubId));
  }
}
