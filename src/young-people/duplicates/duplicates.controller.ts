import { Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiProblems, Ctx, ProblemException, UuidParam, type RequestContext } from '#platform';
import { onCase, Requires } from '../../access/index.js';
import { caseWriteResponse } from '../case-write.response.js';
import { DecideDuplicateCommand } from './duplicates.handlers.js';

const referralIdPipe = new ParseUUIDPipe({
  exceptionFactory: () =>
    new ProblemException(400, 'REQUEST.MALFORMED_ID', 'referralId must be a UUID', [
      { field: 'referralId', message: 'must be a UUID' },
    ]),
});

@ApiTags('referrals')
@ApiBearerAuth()
@Controller('api/young-people')
export class DuplicatesController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/referrals/:referralId/confirm-duplicate')
  @HttpCode(200)
  @Requires('case:decide', onCase())
  @ApiOperation({ summary: 'Confirm a possible duplicate referral is this same young person' })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  async confirm(
    @UuidParam('id') id: string,
    @Param('referralId', referralIdPipe) referralId: string,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const outcome = await this.commandBus.execute(
      DecideDuplicateCommand.from(id, referralId, 'confirm', ctx),
    );
    return caseWriteResponse(res, id, outcome);
  }

  @Post(':id/referrals/:referralId/reject-duplicate')
  @HttpCode(200)
  @Requires('case:decide', onCase())
  @ApiOperation({
    summary:
      'Reject a possible duplicate: it is someone else, and their referral opens a case of their own',
  })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  async reject(
    @UuidParam('id') id: string,
    @Param('referralId', referralIdPipe) referralId: string,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const outcome = await this.commandBus.execute(
      DecideDuplicateCommand.from(id, referralId, 'reject', ctx),
    );
    return { ...caseWriteResponse(res, id, outcome), newYoungPersonId: outcome.newYoungPersonId };
  }
}
