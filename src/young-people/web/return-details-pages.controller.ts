import { Body, Controller, Get, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { EventStore } from '#event-store';
import { EVENT_STORE, UuidParam } from '#platform';
import { codeOptions } from '#ssda903';
import {
  HtmlDocument,
  LogsAccess,
  onCase,
  oneCase,
  Requires,
  type WebRequest,
} from '../../access/index.js';
import { dateFields, WebPages, type FormWords } from '../../web/index.js';
import { RecordReturnDetailsRequest } from '../return-details/return-details.dto.js';
import { RecordReturnDetailsCommand } from '../return-details/return-details.handler.js';
import { youngPersonStreamId, type ReturnDetailsRecorded } from '../young-people.events.js';
import { CasePageFrame } from './case-page-frame.js';

const WORDS: FormWords = {
  childId: {
    label: 'the council’s child id',
    rules: { required: 'Enter the council’s child id, as its children’s record system has it' },
  },
  sex: { label: 'their sex', rules: { required: 'Select male or female' } },
  ethnicity: { label: 'their ethnicity', rules: { required: 'Select their ethnicity' } },
  upn: { label: 'the unique pupil number' },
  upnReason: { label: 'why there is no UPN' },
  mother: { label: 'whether she is a mother' },
  'babyDateOfBirth-day': { label: 'her baby’s date of birth' },
  cin: { label: 'the category of need', rules: { required: 'Select the category of need' } },
  homePostcode: {
    label: 'the home postcode',
    rules: { required: 'Enter the postcode of their home before care' },
  },
  'uascCeasedOn-day': { label: 'the day asylum-seeking status ceased' },
};

/**
 * The details the SSDA903 return needs that the referral does not say, on a page of the case:
 * what is recorded now, ready to change. The return's readiness page links here.
 */
@ApiExcludeController()
@Controller('app/young-people')
export class ReturnDetailsPagesController {
  constructor(
    private readonly pages: WebPages,
    private readonly frame: CasePageFrame,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get(':id/return-details')
  @Requires('case:decide', onCase())
  @LogsAccess('return details page', oneCase)
  async show(
    @UuidParam('id') id: string,
    @Req() req: WebRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { frame } = await this.frame.open(req, res, id, 'summary');
    const last = (await this.store.readStream(youngPersonStreamId(id)))
      .filter((e) => e.type === 'ReturnDetailsRecorded')
      .at(-1)?.data as ReturnDetailsRecorded['data'] | undefined;
    const recorded: Record<string, string> = last
      ? {
          childId: last.childId,
          sex: last.sex,
          ethnicity: last.ethnicity,
          upn: last.upn ?? '',
          upnReason: last.upnReason ?? '',
          mother: last.mother ?? '',
          cin: last.cin,
          homePostcode: last.homePostcode,
          uasc: last.uasc ? 'true' : 'false',
          ...(last.babyDateOfBirth ? dateFields('babyDateOfBirth', last.babyDateOfBirth) : {}),
          ...(last.uasc?.ceasedOn ? dateFields('uascCeasedOn', last.uasc.ceasedOn) : {}),
        }
      : {};
    const values = frame.errors.length ? frame.values : recorded;
    return new HtmlDocument(
      id,
      this.pages.page(req, 'return-details.njk', {
        title: 'Details for the SSDA903 return',
        ...frame,
        values,
        recordedAt: last?.recordedAt ?? null,
        ethnicities: codeOptions('ETHNIC'),
        upnReasons: codeOptions('UPN_REASON'),
        needs: codeOptions('CIN'),
      }),
    );
  }

  @Post(':id/return-details')
  @Requires('case:decide', onCase())
  record(
    @UuidParam('id') id: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    // Empty boxes are left out and a ticked box is true by the shell's own form reading; a
    // ceased date is read only for an asylum-seeking child (the command drops it otherwise).
    return this.pages.submit(req, res, {
      back: `/app/young-people/${id}/return-details`,
      body,
      type: RecordReturnDetailsRequest,
      dates: {
        babyDateOfBirth: 'Her baby’s date of birth',
        uascCeasedOn: 'The day asylum-seeking status ceased',
      },
      words: WORDS,
      command: (value, ctx) => RecordReturnDetailsCommand.from(id, value, ctx),
      saved: 'return-details',
    });
  }
}
