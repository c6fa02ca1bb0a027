import { Body, Controller, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Ctx, UuidParam, type RequestContext } from '#platform';
import { ScreeningNoteRequest } from './screening-note.dto.js';
import { RecordScreeningNoteCommand } from './screening-note.handler.js';
import { caseWriteResponse, CaseWriteResponse, CaseWrite } from '../case-write.response.js';

/** Screening notes on a referral awaiting a decision. */
@ApiTags('young people')
@ApiBearerAuth()
@Controller('api/young-people')
export class ScreeningNoteController {
  constructor(private readonly commandBus: CommandBus) {}

  @CaseWrite({
    route: ':id/screening-notes',
    permission: 'case:decide',
    summary: 'Record a screening note on a referral awaiting a decision',
    status: 201,
  })
  async screeningNote(
    @UuidParam('id') id: string,
    @Body() body: ScreeningNoteRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseWriteResponse> {
    return caseWriteResponse(
      res,
      id,
      await this.commandBus.execute(RecordScreeningNoteCommand.from(id, body, ctx)),
    );
  }
}
