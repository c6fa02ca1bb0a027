import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiProblems, Ctx, UuidParam, type RequestContext } from '#platform';
import { onCase, Requires } from '../../access/index.js';
import { ScreeningNoteRequest } from './screening-note.dto.js';
import { RecordScreeningNoteCommand } from './screening-note.handler.js';
import { caseWriteResponse, CaseWriteResponse } from '../case-write.response.js';

/** Screening notes on a referral awaiting a decision. */
@ApiTags('young people')
@ApiBearerAuth()
@Controller('api/young-people')
export class ScreeningNoteController {
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
}
