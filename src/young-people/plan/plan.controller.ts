import { Body, Controller, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Ctx, ProblemException, UuidParam, type RequestContext } from '#platform';
import { GoalStatusRequest, ReviewPlanRequest, SetGoalRequest } from './plan.dto.js';
import { ChangeGoalStatusCommand, ReviewPlanCommand, SetGoalCommand } from './plan.handlers.js';
import { caseWriteResponse, CaseWriteResponse, CaseWrite } from '../case-write.response.js';

const goalIdPipe = new ParseUUIDPipe({
  exceptionFactory: () =>
    new ProblemException(400, 'REQUEST.MALFORMED_ID', 'goalId must be a UUID', [
      { field: 'goalId', message: 'must be a UUID' },
    ]),
});

/** The plan: goals, their progress, and reviews. */
@ApiTags('young people')
@ApiBearerAuth()
@Controller('api/young-people')
export class PlanController {
  constructor(private readonly commandBus: CommandBus) {}

  @CaseWrite({
    route: ':id/plan/goals',
    permission: 'case:update',
    summary: 'Set a support plan goal in one of the six portfolio areas',
    status: 201,
    problems: [400, 401, 403, 404, 409, 412, 422],
  })
  async setGoal(
    @UuidParam('id') id: string,
    @Body() body: SetGoalRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseWriteResponse> {
    return caseWriteResponse(
      res,
      id,
      await this.commandBus.execute(SetGoalCommand.from(id, body, ctx)),
    );
  }

  @CaseWrite({
    route: ':id/plan/goals/:goalId/status',
    permission: 'case:update',
    summary: 'Record a goal’s progress: not started, in progress, achieved, dropped',
  })
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
      await this.commandBus.execute(ChangeGoalStatusCommand.from(id, { ...body, goalId }, ctx)),
    );
  }

  @CaseWrite({
    route: ':id/plan/reviews',
    permission: 'case:update',
    summary: 'Record a plan review (a care leaver’s pathway plan is due at least every six months)',
    status: 201,
    problems: [400, 401, 403, 404, 409, 412, 422],
  })
  async review(
    @UuidParam('id') id: string,
    @Body() body: ReviewPlanRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseWriteResponse> {
    return caseWriteResponse(
      res,
      id,
      await this.commandBus.execute(ReviewPlanCommand.from(id, body, ctx)),
    );
  }
}
