import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiProblems, Ctx, UuidParam, type RequestContext } from '#platform';
import { onCase, Requires } from '../../access/index.js';
import { ReopenCaseRequest, StepAwayRequest } from './step-away.dto.js';
import { ReopenCaseCommand, StepAwayCommand } from './step-away.handlers.js';
import { caseWriteResponse, CaseWriteResponse } from '../case-write.response.js';

/** Stepping away from a case and coming back to it. */
@ApiTags('young people')
@ApiBearerAuth()
@Controller('api/young-people')
export class StepAwayController {
  constructor(private readonly commandBus: CommandBus) {}

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
