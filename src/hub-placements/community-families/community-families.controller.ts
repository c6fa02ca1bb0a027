import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  ApiProblems,
  Ctx,
  DEFAULT_PAGE_SIZE,
  ListQuery,
  ProblemException,
  ReadsFrom,
  UuidParam,
  writeResponse,
  type Page,
  type RequestContext,
} from '#platform';
import { onHubParam, Requires } from '../../access/index.js';
import {
  EndFamilyPlacementRequest,
  PlaceWithFamilyRequest,
  RegisterFamilyRequest,
} from './community-family.dto.js';
import {
  EndFamilyPlacementCommand,
  FamilyLegalStatusCommand,
  PlaceWithFamilyCommand,
  RegisterFamilyCommand,
} from './community-family.handlers.js';
import { LegalStatusRequest } from '../admissions/admissions.dto.js';
import { ListCommunityFamilies, type CommunityFamilyView } from './community-families.query.js';

const uuid = (field: string) =>
  new ParseUUIDPipe({
    exceptionFactory: () =>
      new ProblemException(400, 'REQUEST.MALFORMED_ID', `${field} must be a UUID`, [
        { field, message: 'must be a UUID' },
      ]),
  });

/** Foster carers attached to a hub: register them, place young people, end placements. */
@ApiTags('hub placements')
@ApiBearerAuth()
@Controller('api/hubs')
export class CommunityFamiliesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Post(':hubId/community-families')
  @HttpCode(201)
  @Requires('placement:write', onHubParam())
  @ApiOperation({
    summary: 'Register approved community family carers with capacity and age range',
  })
  @ApiProblems(400, 401, 403, 404, 422)
  async register(
    @UuidParam('hubId') hubId: string,
    @Body() body: RegisterFamilyRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const outcome = await this.commandBus.execute(RegisterFamilyCommand.from(hubId, body, ctx));
    return writeResponse(res, outcome, { hubId, familyId: outcome.familyId });
  }

  @Get(':hubId/community-families')
  @Requires('placement:read', onHubParam())
  @ReadsFrom('community_families')
  @ApiOperation({ summary: 'The hub’s community families with their vacancies' })
  @ApiProblems(400, 401, 403, 404, 503)
  list(
    @UuidParam('hubId') hubId: string,
    @Query() query: ListQuery,
  ): Promise<Page<CommunityFamilyView>> {
    return this.queryBus.execute(
      new ListCommunityFamilies(hubId, query.limit ?? DEFAULT_PAGE_SIZE, query.cursor),
    );
  }

  @Post(':hubId/community-families/:familyId/placements')
  @HttpCode(201)
  @Requires('placement:write', onHubParam())
  @ApiOperation({
    summary:
      'Place an accepted young person of this hub with the family, with the SSDA903 episode data',
  })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  async place(
    @UuidParam('hubId') hubId: string,
    @Param('familyId', uuid('familyId')) familyId: string,
    @Body() body: PlaceWithFamilyRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const outcome = await this.commandBus.execute(
      PlaceWithFamilyCommand.from(hubId, familyId, body, ctx),
    );
    return writeResponse(res, outcome, { hubId, familyId });
  }

  @Post(':hubId/community-families/:familyId/placements/:youngPersonId/end')
  @HttpCode(200)
  @Requires('placement:write', onHubParam())
  @ApiOperation({
    summary: 'End a community family placement (a move inside the case, never a closure)',
  })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  async end(
    @UuidParam('hubId') hubId: string,
    @Param('familyId', uuid('familyId')) familyId: string,
    @Param('youngPersonId', uuid('youngPersonId')) youngPersonId: string,
    @Body() body: EndFamilyPlacementRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const outcome = await this.commandBus.execute(
      EndFamilyPlacementCommand.from(hubId, familyId, youngPersonId, body, ctx),
    );
    return writeResponse(res, outcome, { hubId, familyId });
  }

  @Post(':hubId/community-families/:familyId/placements/:youngPersonId/legal-status')
  @HttpCode(200)
  @Requires('placement:write', onHubParam())
  @ApiOperation({
    summary:
      'A new legal status for someone living with the family (a care order made): the placement goes on, and the SSDA903 return begins a new episode that day',
  })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  async legalStatus(
    @UuidParam('hubId') hubId: string,
    @Param('familyId', uuid('familyId')) familyId: string,
    @Param('youngPersonId', uuid('youngPersonId')) youngPersonId: string,
    @Body() body: LegalStatusRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const outcome = await this.commandBus.execute(
      FamilyLegalStatusCommand.from(hubId, familyId, youngPersonId, body, ctx),
    );
    return writeResponse(res, outcome, { hubId, familyId });
  }
}
