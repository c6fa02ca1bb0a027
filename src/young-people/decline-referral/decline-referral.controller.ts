import { Body, Controller, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Ctx, UuidParam, type RequestContext } from '#platform';
import { caseWriteResponse, CaseWriteResponse, CaseWrite } from '../case-write.response.js';
import { DeclineReferralRequest } from './decline-referral.dto.js';
import { DeclineReferralCommand } from './decline-referral.handler.js';

@ApiTags('young people')
@ApiBearerAuth()
@Controller('api/young-people')
export class DeclineReferralController {
  constructor(private readonly commandBus: CommandBus) {}

  @CaseWrite({
    route: ':id/decline',
    permission: 'case:decide',
    summary: 'Decline a referral awaiting a decision, with the reason',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'ETag of the case as last read' })
  async decline(
    @UuidParam('id') id: string,
    @Body() body: DeclineReferralRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseWriteResponse> {
    const outcome = await this.commandBus.execute(
      DeclineReferralCommand.from(id, body.reason, ctx),
    );
    return caseWriteResponse(res, id, outcome);
  }
}
