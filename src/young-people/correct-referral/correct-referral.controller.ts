import { Body, Controller, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Ctx, UuidParam, type RequestContext } from '#platform';
import { CorrectReferralRequest } from './correct-referral.dto.js';
import { CorrectReferralCommand } from './correct-referral.handler.js';
import { caseWriteResponse, CaseWriteResponse, CaseWrite } from '../case-write.response.js';

/** Correcting a referral's details, with the reason kept. */
@ApiTags('young people')
@ApiBearerAuth()
@Controller('api/young-people')
export class CorrectReferralController {
  constructor(private readonly commandBus: CommandBus) {}

  @CaseWrite({
    route: ':id/corrections',
    permission: 'case:decide',
    summary: 'Correct a mistaken referral detail: the case shows the new value and keeps the old',
    status: 201,
    problems: [400, 401, 403, 404, 412, 422],
  })
  async correct(
    @UuidParam('id') id: string,
    @Body() body: CorrectReferralRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseWriteResponse> {
    return caseWriteResponse(
      res,
      id,
      await this.commandBus.execute(CorrectReferralCommand.from(id, body, ctx)),
    );
  }
}
