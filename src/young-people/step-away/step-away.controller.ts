import { Body, Controller, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Ctx, UuidParam, type RequestContext } from '#platform';
import { ReopenCaseRequest, StepAwayRequest } from './step-away.dto.js';
import { ReopenCaseCommand, StepAwayCommand } from './step-away.handlers.js';
import { caseWriteResponse, CaseWriteResponse, CaseWrite } from '../case-write.response.js';

/** Stepping away from a case and coming back to it. */
@ApiTags('young people')
@ApiBearerAuth()
@Controller('api/young-people')
export class StepAwayController {
  constructor(private readonly commandBus: CommandBus) {}

  @CaseWrite({
    route: ':id/step-away',
    permission: 'case:decide',
    summary: 'The hub steps away from a stable case (it stays open to come back to)',
  })
  async stepAway(
    @UuidParam('id') id: string,
    @Body() body: StepAwayRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseWriteResponse> {
    return caseWriteResponse(
      res,
      id,
      await this.commandBus.execute(StepAwayCommand.from(id, body, ctx)),
    );
  }

  @CaseWrite({
    route: ':id/reopen',
    permission: 'case:decide',
    summary: 'Reopen a case the hub stepped away from: same case, same team',
  })
  async reopen(
    @UuidParam('id') id: string,
    @Body() body: ReopenCaseRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseWriteResponse> {
    return caseWriteResponse(
      res,
      id,
      await this.commandBus.execute(ReopenCaseCommand.from(id, body, ctx)),
    );
  }
}
