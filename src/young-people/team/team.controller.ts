import { Body, Controller, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Ctx, ProblemException, UuidParam, type RequestContext } from '#platform';
import { AddTeamMemberRequest, ChangeTeamMemberRequest, EndTeamMemberRequest } from './team.dto.js';
import {
  AddTeamMemberCommand,
  ChangeTeamMemberCommand,
  EndTeamMemberCommand,
} from './team.handlers.js';
import { caseWriteResponse, CaseWriteResponse, CaseWrite } from '../case-write.response.js';

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

  @CaseWrite({
    route: ':id/team',
    permission: 'case:update',
    summary: 'Add someone to the team around the young person, from a date',
    status: 201,
  })
  async addTeamMember(
    @UuidParam('id') id: string,
    @Body() body: AddTeamMemberRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseWriteResponse> {
    return caseWriteResponse(
      res,
      id,
      await this.commandBus.execute(AddTeamMemberCommand.from(id, body, ctx)),
    );
  }

  @CaseWrite({
    route: ':id/team/:memberId/end',
    permission: 'case:update',
    summary: 'End a team membership (to change someone: end, then add)',
    problems: [400, 401, 403, 404, 409, 412, 422],
  })
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
      await this.commandBus.execute(EndTeamMemberCommand.from(id, { ...body, memberId }, ctx)),
    );
  }

  @CaseWrite({
    route: ':id/team/:memberId/change',
    permission: 'case:update',
    summary: 'Someone else takes over a team role from a date (both kept in the history)',
    problems: [400, 401, 403, 404, 409, 412, 422],
  })
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
      await this.commandBus.execute(ChangeTeamMemberCommand.from(id, { ...body, memberId }, ctx)),
    );
  }
}
