import { Body, Controller, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { UuidParam } from '#platform';
import { onCase, Requires, type WebRequest } from '../../access/index.js';
import { WebPages, type FormWords } from '../../web/index.js';
import { ScreeningNoteRequest } from '../screening/screening-note.dto.js';
import { RecordScreeningNoteCommand } from '../screening/screening-note.handler.js';
import { ReopenCaseRequest, StepAwayRequest } from '../step-away/step-away.dto.js';
import { ReopenCaseCommand, StepAwayCommand } from '../step-away/step-away.handlers.js';

const NOTE_WORDS: FormWords = { note: { label: 'the screening note' } };
const STEP_AWAY_WORDS: FormWords = {
  on: { label: 'the date the hub steps away' },
  reason: { label: 'why the hub steps away' },
};
const REOPEN_WORDS: FormWords = { reason: { label: 'why the case reopens' } };

/** The case page's decisions beyond accepting: screening notes, stepping away, reopening. */
@ApiExcludeController()
@Controller('app/young-people')
export class CaseDecisionPagesController {
  constructor(private readonly pages: WebPages) {}

  @Post(':id/screening-notes')
  @Requires('case:decide', onCase())
  screeningNote(
    @UuidParam('id') id: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    return this.pages.submit(req, res, {
      back: `/app/young-people/${id}`,
      body,
      type: ScreeningNoteRequest,
      words: NOTE_WORDS,
      command: (value, ctx) => RecordScreeningNoteCommand.from(id, value, ctx),
      saved: 'screening-note',
    });
  }

  @Post(':id/step-away')
  @Requires('case:decide', onCase())
  stepAway(
    @UuidParam('id') id: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    return this.pages.submit(req, res, {
      back: `/app/young-people/${id}`,
      body,
      type: StepAwayRequest,
      dates: { on: 'The date the hub steps away' },
      words: STEP_AWAY_WORDS,
      command: (value, ctx) => StepAwayCommand.from(id, value, ctx),
      saved: 'stepped-away',
    });
  }

  @Post(':id/reopen')
  @Requires('case:decide', onCase())
  reopen(
    @UuidParam('id') id: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    return this.pages.submit(req, res, {
      back: `/app/young-people/${id}`,
      body,
      type: ReopenCaseRequest,
      words: REOPEN_WORDS,
      command: (value, ctx) => ReopenCaseCommand.from(id, value, ctx),
      saved: 'reopened',
    });
  }
}
