import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiProblems, Ctx, ProblemException, UuidParam, type RequestContext } from '#platform';
import { onCase, Requires } from '../../access/index.js';
import { AddTeamMemberRequest, ChangeTeamMemberRequest, EndTeamMemberRequest } from './team.dto.js';
import {
  AddTeamMemberCommand,
  ChangeTeamMemberCommand,
  EndTeamMemberCommand,
} from './team.handlers.js';
import { caseWriteResponse, CaseWriteResponse } from '../case-write.response.js';

const memberIdPipe = new ParseUUIDPipe({
  exceptionFactory: () =>
    new ProblemException(400, 'REQUEST.MALFORMED_ID', 'memberId must be a UUID', [
      { field: 'memberId', message: 'must be a UUID' },
    ]),
});

/** The team around the young person: who joins, changes role and leaves. */
@ApiTags('young people')
@ApiBearerAuth()
@Controller('api/young-people')
export class TeamController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/team')
  @HttpCode(201)
  @Requires('case:update', onCase())
  @ApiOperation({ summary: 'Add someone to the team around the young person, from a date' })
  @ApiOkResponse({ type: CaseWriteResponse })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  async addTeamMember(
    @UuidParam('id') id: string,
    @Body() body: AddTeamMemberRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseWriteResponse> {
    return caseWriteResponse(
      res,
      id,
      await this.commandBus.execute(new AddTeamMemberCommand(id, body, ctx)),
    );
  }

  @Post(':id/team/:memberId/end')
  @HttpCode(200)
  @Requires('case:update', onCase())
  @ApiOperation({ summary: 'End a team membership (to change someone: end, then add)' })
  @ApiOkResponse({ type: CaseWriteResponse })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  async endTeamMember(
    @UuidParam('id') id: string,
    @Param('memberId', memberIdPipe) memberId: string,
    @Body() body: EndTeamMemberRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseWriteResponse> {
    return caseWriteResponse(
      res,
      id,
      await this.commandBus.execute(new EndTeamMemberCommand(id, { ...body, memberId }, ctx)),
    );
  }

  @Post(':id/team/:memberId/change')
  @HttpCode(200)
  @Requires('case:update', onCase())
  @ApiOperation({
    summary: 'Someone else takes over a team role from a date (both kept in the history)',
  })
  @ApiOkResponse({ type: CaseWriteResponse })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  async changeTeamMember(
    @UuidParam('id') id: string,
    @Param('memberId', memberIdPipe) memberId: string,
    @Body() body: ChangeTeamMemberRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseWriteResponse> {
    return caseWriteResponse(
      res,
      id,
      await this.commandBus.execute(new ChangeTeamMemberCommand(id, { ...body, memberId }, ctx)),
    );
  }
}
