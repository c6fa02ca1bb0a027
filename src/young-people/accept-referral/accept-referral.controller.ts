import { Controller, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Ctx, UuidParam, type RequestContext } from '#platform';
import { caseWriteResponse, CaseWriteResponse, CaseWrite } from '../case-write.response.js';
import { AcceptReferralCommand } from './accept-referral.handler.js';

@ApiTags('young people')
@ApiBearerAuth()
@Controller('api/young-people')
export class AcceptReferralController {
  constructor(private readonly commandBus: CommandBus) {}

  @CaseWrite({
    route: ':id/accept',
    permission: 'case:decide',
    summary: 'Accept a referral awaiting a decision',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'ETag of the case as last read' })
  async accept(
    @UuidParam('id') id: string,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseWriteResponse> {
    const outcome = await this.commandBus.execute(AcceptReferralCommand.from(id, ctx));
    return caseWriteResponse(res, id, outcome);
  }
}
