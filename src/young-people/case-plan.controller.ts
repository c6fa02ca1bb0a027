import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiProblems, Ctx, ProblemException, UuidParam, type RequestContext } from '#platform';
import { onCase, Requires } from '../access/index.js';
import {
  CloseCaseRequest,
  CorrectReferralRequest,
  GoalStatusRequest,
  ReviewPlanRequest,
  SetGoalRequest,
} from './case-plan.dto.js';
import {
  ChangeGoalStatusCommand,
  CloseCaseCommand,
  CorrectReferralCommand,
  ReviewPlanCommand,
  SetGoalCommand,
} from './case-plan.handlers.js';
import { caseWriteResponse, CaseWriteResponse } from './case-write.response.js';

const goalIdPipe = new ParseUUIDPipe({
  exceptionFactory: () =>
    new ProblemException(400, 'REQUEST.MALFORMED_ID', 'goalId must be a UUID', [
      { field: 'goalId', message: 'must be a UUID' },
    ]),
});

/** The support and pathway plans, closing at 25, and corrections. */
@ApiTags('young people')
@ApiBearerAuth()
@Controller('api/young-people')
export class CasePlanController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/plan/goals')
  @HttpCode(201)
  @Requires('case:update', onCase())
  @ApiOperation({ summary: 'Set a support plan goal in one of the six portfolio areas' })
  @ApiOkResponse({ type: CaseWriteResponse })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  async setGoal(
    @UuidParam('id') id: string,
    @Body() body: SetGoalRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseWriteResponse> {
    return caseWriteResponse(
      res,
      id,
      await this.commandBus.execute(new SetGoalCommand(id, body, ctx)),
    );
  }

  @Post(':id/plan/goals/:goalId/status')
  @HttpCode(200)
  @Requires('case:update', onCase())
  @ApiOperation({
    summary: 'Record a goal’s progress: not started, in progress, achieved, dropped',
  })
  @ApiOkResponse({ type: CaseWriteResponse })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  async goalStatus(
    @UuidParam('id') id: string,
    @Param('goalId', goalIdPipe) goalId: string,
    @Body() body: GoalStatusRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseWriteResponse> {
    return caseWriteResponse(
      res,
      id,
      await this.commandBus.execute(new ChangeGoalStatusCommand(id, { ...body, goalId }, ctx)),
    );
  }

  @Post(':id/plan/reviews')
  @HttpCode(201)
  @Requires('case:update', onCase())
  @ApiOperation({
    summary: 'Record a plan review (a care leaver’s pathway plan is due at least every six months)',
  })
  @ApiOkResponse({ type: CaseWriteResponse })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  async review(
    @UuidParam('id') id: string,
    @Body() body: ReviewPlanRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseWriteResponse> {
    return caseWriteResponse(
      res,
      id,
      await this.commandBus.execute(new ReviewPlanCommand(id, body, ctx)),
    );
  }

  @Post(':id/close')
  @HttpCode(200)
  @Requires('case:decide', onCase())
  @ApiOperation({ summary: 'Close the case once the young person is 25 (the manager confirms it)' })
  @ApiOkResponse({ type: CaseWriteResponse })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  async close(
    @UuidParam('id') id: string,
    @Body() body: CloseCaseRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseWriteResponse> {
    return caseWriteResponse(
      res,
      id,
      await this.commandBus.execute(new CloseCaseCommand(id, body, ctx)),
    );
  }

  @Post(':id/corrections')
  @HttpCode(201)
  @Requires('case:decide', onCase())
  @ApiOperation({
    summary: 'Correct a mistaken referral detail: the case shows the new value and keeps the old',
  })
  @ApiOkResponse({ type: CaseWriteResponse })
  @ApiProblems(400, 401, 403, 404, 412, 422)
  async correct(
    @UuidParam('id') id: string,
    @Body() body: CorrectReferralRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseWriteResponse> {
    return caseWriteResponse(
      res,
      id,
      await this.commandBus.execute(new CorrectReferralCommand(id, body, ctx)),
    );
  }
}
