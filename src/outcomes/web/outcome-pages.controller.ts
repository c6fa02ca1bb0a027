import { Body, Controller, Get, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { ReadsFrom, UuidParam } from '#platform';
import {
  HtmlDocument,
  LogsAccess,
  onCase,
  oneCase,
  Requires,
  scopeFor,
  type WebRequest,
} from '../../access/index.js';
import { ukDate, WebPages, type FormWords } from '../../web/index.js';
import { CasePageFrame } from '../../young-people/index.js';
import { ETE_STATUSES, JUSTICE_KINDS, RISK_MARKERS } from '../outcomes.events.js';
import { CONCERN_WORDS, ETE_WORDS, FGC_WORDS, JUSTICE_WORDS } from '../outcomes.words.js';
import {
  BaselineRequest,
  CloseMarkerRequest,
  ConferenceRequest,
  EducationRequest,
  JusticeRequest,
  OpenMarkerRequest,
} from '../record/outcome-record.dto.js';
import { RecordOutcomeCommand } from '../record/outcome-record.handlers.js';
import { nextConferenceStage } from '../record/outcome-record.decide.js';
import { OutcomeRecordReader } from '../record/outcome-record.reader.js';

const NOTE = { note: { label: 'the note' } };
const JUSTICE: FormWords = {
  kind: { label: 'what happened', rules: { required: 'Select what happened' } },
  on: { label: 'the day it happened' },
  ...NOTE,
};
const EDUCATION: FormWords = {
  status: { label: 'what they are doing', rules: { required: 'Select what they are doing' } },
  from: { label: 'the day it started' },
  attendance: { label: 'school attendance (per cent)' },
};
const OPEN_CONCERN: FormWords = {
  kind: { label: 'the concern', rules: { required: 'Select the concern' } },
  on: { label: 'the day it was raised' },
  ...NOTE,
};
const CLOSE_CONCERN: FormWords = { on: { label: 'the day it was closed' }, ...NOTE };
const BASELINE: FormWords = {
  missingEpisodes: { label: 'missing episodes' },
  arrests: { label: 'arrests' },
  placements: { label: 'placements' },
  residentialNights: { label: 'nights in residential care' },
  exclusions: { label: 'school exclusions' },
  source: { label: 'where the counts come from' },
  reason: { label: 'why it is recorded again' },
};
const CONFERENCE: FormWords = { on: { label: 'the day' }, stage: { label: 'the stage' }, ...NOTE };

const options = <K extends string>(keys: readonly K[], words: Record<K, string>, chosen?: string) =>
  keys.map((k) => ({ value: k, text: words[k], checked: chosen === k }));

/**
 * A young person's outcomes in the pages (the case's "Outcomes" part): concerns as flags, police
 * and justice, education and work, the year before referral, and family group conferences, each
 * with its form for the hub's staff.
 */
@ApiExcludeController()
@Controller('app/young-people')
export class OutcomePagesController {
  constructor(
    private readonly pages: WebPages,
    private readonly frame: CasePageFrame,
    private readonly reader: OutcomeRecordReader,
  ) {}

  @Get(':id/outcomes')
  @Requires('outcome:read', onCase())
  // The case's flags (an open concern) come from the outcomes read model.
  @ReadsFrom('outcomes')
  @LogsAccess('outcomes page', oneCase)
  async show(
    @UuidParam('id') id: string,
    @Req() req: WebRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { frame } = await this.frame.open(req, res, id, 'outcomes');
    const record = await this.reader.of(id);
    const v = frame.values;
    return new HtmlDocument(
      id,
      this.pages.page(req, 'case-outcomes.njk', {
        title: 'Outcomes',
        ...frame,
        mayWrite: scopeFor(req.user!.roles, 'outcome:write') !== null,
        failedForm: v.form ?? null,
        failedMarker: v.marker ?? null,
        failedConference: v.conference ?? null,
        concerns: record.markers.map((m) => ({
          ...m,
          kind: CONCERN_WORDS[m.kind],
          openedOn: ukDate(m.openedOn),
          closedOn: m.closedOn ? ukDate(m.closedOn) : null,
        })),
        justice: record.justice.map((j) => ({
          ...j,
          kind: JUSTICE_WORDS[j.kind],
          on: ukDate(j.on),
        })),
        education: record.education.map((e) => ({
          ...e,
          status: ETE_WORDS[e.status],
          from: ukDate(e.from),
        })),
        baseline: record.baseline,
        conferences: record.conferences.map((c) => {
          const next = nextConferenceStage(c.stages.at(-1)?.stage);
          return {
            fgcId: c.fgcId,
            stages: c.stages.map((s) => ({ ...s, stage: FGC_WORDS[s.stage], on: ukDate(s.on) })),
            next,
            nextWords: FGC_WORDS[next],
          };
        }),
        justiceKinds: options(JUSTICE_KINDS, JUSTICE_WORDS, v.form === 'justice' ? v.kind : ''),
        concernKinds: options(RISK_MARKERS, CONCERN_WORDS, v.form === 'concern' ? v.kind : ''),
        eteStatuses: options(ETE_STATUSES, ETE_WORDS, v.form === 'education' ? v.status : ''),
      }),
    );
  }

  private post(
    req: WebRequest,
    res: Response,
    id: string,
    form: string,
    body: Record<string, string>,
    spec: Omit<Parameters<WebPages['submit']>[2], 'back' | 'body'>,
  ) {
    return this.pages.submit(req, res, {
      ...spec,
      back: `/app/young-people/${id}/outcomes`,
      body: { ...body, form },
    });
  }

  @Post(':id/outcomes/justice')
  @Requires('outcome:write', onCase())
  justice(
    @UuidParam('id') id: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    return this.post(req, res, id, 'justice', body, {
      type: JusticeRequest,
      dates: { on: 'The day it happened' },
      words: JUSTICE,
      command: (value, ctx) => RecordOutcomeCommand.justice(id, value as JusticeRequest, ctx),
      saved: 'justice',
    });
  }

  @Post(':id/outcomes/education')
  @Requires('outcome:write', onCase())
  education(
    @UuidParam('id') id: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    return this.post(req, res, id, 'education', body, {
      type: EducationRequest,
      dates: { from: 'The day it started' },
      numbers: ['attendance'],
      words: EDUCATION,
      command: (value, ctx) => RecordOutcomeCommand.education(id, value as EducationRequest, ctx),
      saved: 'education',
    });
  }

  @Post(':id/outcomes/concerns')
  @Requires('outcome:write', onCase())
  openConcern(
    @UuidParam('id') id: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    return this.post(req, res, id, 'concern', body, {
      type: OpenMarkerRequest,
      dates: { on: 'The day it was raised' },
      words: OPEN_CONCERN,
      command: (value, ctx) => RecordOutcomeCommand.openMarker(id, value as OpenMarkerRequest, ctx),
      saved: 'concern-opened',
    });
  }

  @Post(':id/outcomes/concerns/:markerId/close')
  @Requires('outcome:write', onCase())
  closeConcern(
    @UuidParam('id') id: string,
    @UuidParam('markerId') markerId: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    return this.post(
      req,
      res,
      id,
      'close',
      { ...body, marker: markerId },
      {
        type: CloseMarkerRequest,
        dates: { on: 'The day it was closed' },
        words: CLOSE_CONCERN,
        command: (value, ctx) =>
          RecordOutcomeCommand.closeMarker(id, markerId, value as CloseMarkerRequest, ctx),
        saved: 'concern-closed',
      },
    );
  }

  @Post(':id/outcomes/baseline')
  @Requires('outcome:write', onCase())
  baseline(
    @UuidParam('id') id: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    return this.post(req, res, id, 'baseline', body, {
      type: BaselineRequest,
      numbers: ['missingEpisodes', 'arrests', 'placements', 'residentialNights', 'exclusions'],
      words: BASELINE,
      command: (value, ctx) => RecordOutcomeCommand.baseline(id, value as BaselineRequest, ctx),
      saved: 'baseline',
    });
  }

  @Post(':id/outcomes/family-group-conferences')
  @Requires('outcome:write', onCase())
  conference(
    @UuidParam('id') id: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    return this.post(
      req,
      res,
      id,
      'conference',
      { ...body, stage: 'planned' },
      {
        type: ConferenceRequest,
        dates: { on: 'The day it is planned for' },
        words: CONFERENCE,
        command: (value, ctx) =>
          RecordOutcomeCommand.conference(id, null, value as ConferenceRequest, ctx),
        saved: 'conference',
      },
    );
  }

  @Post(':id/outcomes/family-group-conferences/:fgcId/stages')
  @Requires('outcome:write', onCase())
  conferenceStage(
    @UuidParam('id') id: string,
    @UuidParam('fgcId') fgcId: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    return this.post(
      req,
      res,
      id,
      'stage',
      { ...body, conference: fgcId },
      {
        type: ConferenceRequest,
        dates: { on: 'The day' },
        words: CONFERENCE,
        command: (value, ctx) =>
          RecordOutcomeCommand.conference(id, fgcId, value as ConferenceRequest, ctx),
        saved: 'conference-stage',
      },
    );
  }
}
