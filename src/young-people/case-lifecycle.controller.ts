import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiProblems, Ctx, ProblemException, UuidParam, type RequestContext } from '#platform';
import { onCase, Requires } from '../access/index.js';
import {
  AddTeamMemberRequest,
  ChangeTeamMemberRequest,
  EndTeamMemberRequest,
  ReopenCaseRequest,
  ScreeningNoteRequest,
  StepAwayRequest,
} from './case-lifecycle.dto.js';
import {
  AddTeamMemberCommand,
  ChangeTeamMemberCommand,
  EndTeamMemberCommand,
  RecordScreeningNoteCommand,
  ReopenCaseCommand,
  StepAwayCommand,
} from './case-lifecycle.handlers.js';
import { caseWriteResponse, CaseWriteResponse } from './case-write.response.js';

const memberIdPipe = new ParseUUIDPipe({
  exceptionFactory: () =>
    new ProblemException(400, 'REQUEST.MALFORMED_ID', 'memberId must be a UUID', [
      { field: 'memberId', message: 'must be a UUID' },
    ]),
});

/** Screening, the team around the young person, stepping away and coming back. */
@ApiTags('young people')
@ApiBearerAuth()
@Controller('api/young-people')
export class CaseLifecycleController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/screening-notes')
  @HttpCode(201)
  @Requires('case:decide', onCase())
  @ApiOperation({ summary: 'Record a screening note on a referral awaiting a decision' })
  @ApiOkResponse({ type: CaseWriteResponse })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  async screeningNote(
    @UuidParam('id') id: string,
    @Body() body: ScreeningNoteRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseWriteResponse> {
    return caseWriteResponse(
      res,
      id,
      await this.commandBus.execute(new RecordScreeningNoteCommand(id, body, ctx)),
    );
  }

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

  @Post(':id/step-away')
  @HttpCode(200)
  @Requires('case:decide', onCase())
  @ApiOperation({
    summary: 'The hub steps away from a stable case (it stays open to come back to)',
  })
  @ApiOkResponse({ type: CaseWriteResponse })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  async stepAway(
    @UuidParam('id') id: string,
    @Body() body: StepAwayRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseWriteResponse> {
    return caseWriteResponse(
      res,
      id,
      await this.commandBus.execute(new StepAwayCommand(id, body, ctx)),
    );
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @Requires('case:decide', onCase())
  @ApiOperation({ summary: 'Reopen a case the hub stepped away from: same case, same team' })
  @ApiOkResponse({ type: CaseWriteResponse })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  async reopen(
    @UuidParam('id') id: string,
    @Body() body: ReopenCaseRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseWriteResponse> {
    return caseWriteResponse(
      res,
      id,
      await this.commandBus.execute(new ReopenCaseCommand(id, body, ctx)),
    );
  }
}
