import { Body, Controller, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { UuidParam } from '#platform';
import { onCase, Requires, type WebRequest } from '../../access/index.js';
import { WebPages, type FormWords } from '../../web/index.js';
import { ScreeningNoteRequest } from '../screening/screening-note.dto.js';
import { RecordScreeningNoteCommand } from '../screening/screening-note.handler.js';
import { ReopenCaseRequest, StepAwayRequest } from '../step-away/step-away.dto.js';
import { ReopenCaseCommand, StepAwayCommand } from '../step-away/step-away.handlers.js';
import { DecideDuplicateCommand } from '../duplicates/duplicates.handlers.js';
import { CloseCaseRequest } from '../close-case/close-case.dto.js';
import { CloseCaseCommand } from '../close-case/close-case.handler.js';
import { CorrectReferralRequest } from '../correct-referral/correct-referral.dto.js';
import { CorrectReferralCommand } from '../correct-referral/correct-referral.handler.js';
import { GetCaseSummary, type CaseSummary } from '../case-summary/case-summary.query.js';

const NOTE_WORDS: FormWords = { note: { label: 'the screening note' } };
const STEP_AWAY_WORDS: FormWords = {
  on: { label: 'the date the hub steps away' },
  reason: { label: 'why the hub steps away' },
};
const REOPEN_WORDS: FormWords = { reason: { label: 'why the case reopens' } };
const CORRECT_WORDS: FormWords = {
  givenName: { label: 'their first name' },
  familyName: { label: 'their last name' },
  dateOfBirth: { label: 'their date of birth' },
  socialWorkerName: { label: 'the social worker’s name' },
  socialWorkerTeam: { label: 'the social worker’s team' },
  reason: { label: 'why the details are corrected' },
};

/**
 * The case page's decisions beyond accepting: screening notes, a possible duplicate referral,
 * stepping away, reopening.
 */
@ApiExcludeController()
@Controller('app/young-people')
export class CaseDecisionPagesController {
  constructor(
    private readonly pages: WebPages,
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

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

  /** A later referral matched by name and date of birth: the same young person, or not. */
  @Post(':id/referrals/:referralId/duplicate')
  @Requires('case:decide', onCase())
  async duplicate(
    @UuidParam('id') id: string,
    @Param('referralId', new ParseUUIDPipe()) referralId: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    const back = `/app/young-people/${id}`;
    const decision =
      body.decision === 'same' ? 'confirm' : body.decision === 'other' ? 'reject' : null;
    if (!decision) {
      return this.pages.failed(
        req,
        res,
        back,
        [
          {
            text: 'Select whether the referral is about this young person',
            href: `#decision-${referralId}`,
          },
        ],
        body,
      );
    }
    let opened: string | null = null;
    try {
      const ctx = this.pages.context(req, body.idempotencyKey, { referralId, decision });
      const outcome = await this.commandBus.execute(
        DecideDuplicateCommand.from(id, referralId, decision, ctx),
      );
      opened = outcome.newYoungPersonId;
    } catch (error) {
      return this.pages.failed(req, res, back, this.pages.refusal(error), body);
    }
    return this.pages.done(
      req,
      res,
      opened ? `/app/young-people/${opened}` : back,
      opened ? 'split-from-duplicate' : 'duplicate-confirmed',
    );
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

  /** A case closes when the young person reaches 25: the one reason the hub closes a case. */
  @Post(':id/close')
  @Requires('case:decide', onCase())
  close(
    @UuidParam('id') id: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    return this.pages.submit(req, res, {
      back: `/app/young-people/${id}`,
      body: { ...body, reason: 'reached_25' },
      type: CloseCaseRequest,
      command: (value, ctx) => CloseCaseCommand.from(id, value, ctx),
      saved: 'closed',
    });
  }

  /**
   * The referral's details corrected (a misspelt name, a wrong date of birth): only what differs
   * from the record is sent, with why; the record keeps both.
   */
  @Post(':id/corrections')
  @Requires('case:decide', onCase())
  async correct(
    @UuidParam('id') id: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    const c: CaseSummary = await this.queryBus.execute(new GetCaseSummary(id));
    const recorded: Record<string, string> = {
      givenName: c.youngPerson.givenName,
      familyName: c.youngPerson.familyName,
      socialWorkerName: c.socialWorker.name,
      socialWorkerTeam: c.socialWorker.team,
    };
    const changed = Object.fromEntries(
      Object.entries(body).filter(([k, v]) => !(k in recorded) || v.trim() !== recorded[k]),
    );
    return this.pages.submit(req, res, {
      back: `/app/young-people/${id}`,
      body: { ...changed, form: 'correct' },
      type: CorrectReferralRequest,
      dates: { dateOfBirth: 'Their date of birth' },
      words: CORRECT_WORDS,
      command: (value, ctx) => {
        // A date of birth given as recorded is no change.
        if (value.dateOfBirth === c.youngPerson.dateOfBirth) delete value.dateOfBirth;
        return CorrectReferralCommand.from(id, value, ctx);
      },
      saved: 'corrected',
    });
  }
}
