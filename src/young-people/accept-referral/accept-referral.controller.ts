import { Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { onCase, Requires } from '../../access/index.js';
import type { Response } from 'express';
import { ApiProblems, Ctx, UuidParam, type RequestContext } from '#platform';
import { caseWriteResponse, CaseWriteResponse } from '../case-write.response.js';
import { AcceptReferralCommand } from './accept-referral.handler.js';

@ApiTags('young people')
@ApiBearerAuth()
@Controller('api/young-people')
export class AcceptReferralController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/accept')
  @HttpCode(200)
  @Requires('case:decide', onCase())
  @ApiOperation({ summary: 'Accept a referral awaiting a decision' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'ETag of the case as last read' })
  @ApiOkResponse({ type: CaseWriteResponse })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  async accept(
    @UuidParam('id') id: string,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseWriteResponse> {
    const outcome = await this.commandBus.execute(new AcceptReferralCommand(id, ctx));
    return caseWriteResponse(res, id, outcome);
  }
}
