import { Body, Controller, Get, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { ReadsFrom, UuidParam } from '#platform';
import { HtmlDocument } from '../../access/index.js';
import { LogsAccess, onCase, oneCase, Requires, type WebRequest } from '../../access/index.js';
import {
  GetMissingEpisodes,
  type MissingEpisodeView,
} from '../missing-board/missing-board.query.js';
import {
  RecordInterviewRequest,
  RecordReturnRequest,
  UpdateMissingRequest,
  ReportMissingRequest,
} from '../missing/missing.dto.js';
import { RecordIncidentRequest } from '../incidents/incidents.dto.js';
import {
  RecordIncidentCommand,
  RecordInterviewCommand,
  RecordReturnCommand,
  UpdateMissingCommand,
  ReportMissingCommand,
} from '../outreach.handlers.js';
import { INCIDENT_KINDS, INTERVIEW_OUTCOMES } from '../outreach.events.js';
import { CasePageFrame } from '../../young-people/index.js';
import { dateTimeFields, WebPages, type FormWords } from '../../web/index.js';

const MISSING_WORDS: FormWords = {
  category: { label: 'whether they are missing or away from placement' },
  startedAt: { label: 'when they went missing' },
  policeInformed: { label: 'whether the police have been told' },
  policeReference: { label: 'the police reference' },
  circumstances: { label: 'what happened' },
};
const RETURN_WORDS: FormWords = {
  returnedAt: { label: 'when they came back' },
  whereFound: { label: 'where they were found' },
};
const INTERVIEW_WORDS: FormWords = {
  outcome: { label: 'what happened with the return home interview' },
  at: { label: 'when' },
  by: { label: 'who offered or held it' },
  notes: { label: 'notes' },
};
const INCIDENT_WORDS: FormWords = {
  kind: { label: 'the kind of incident' },
  occurredAt: { label: 'when it happened' },
  summary: { label: 'what happened' },
};

/** What a manager or worker says for each return home interview outcome. */
const OUTCOME_WORDS: Record<(typeof INTERVIEW_OUTCOMES)[number], string> = {
  offered: 'Offered',
  accepted: 'Accepted',
  declined: 'Declined by the young person',
  completed: 'Held (completed)',
};
const INCIDENT_WORDS_BY_KIND: Record<(typeof INCIDENT_KINDS)[number], string> = {
  serious_incident: 'Serious incident',
  police_involvement: 'Police called or involved',
  cse_concern: 'Concern about child sexual exploitation',
  allegation_against_staff: 'Allegation against a member of staff',
  other: 'Something else',
};

/**
 * A young person's missing episodes (phone first): report missing, record the return, the
 * return home interview, and incidents (which may owe Reg 40 notifications).
 */
@ApiExcludeController()
@Controller('app/young-people')
export class MissingPagesController {
  constructor(
    private readonly pages: WebPages,
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    private readonly frame: CasePageFrame,
  ) {}

  @Get(':id/missing')
  @Requires('contact:write', onCase())
  @ReadsFrom('missing_board', 'caseloads')
  @LogsAccess('missing page', oneCase)
  async missing(
    @UuidParam('id') id: string,
    @Req() req: WebRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { frame } = await this.frame.open(req, res, id, 'missing');
    const episodes: MissingEpisodeView[] = await this.queryBus.execute(new GetMissingEpisodes(id));
    const now = new Date().toISOString();
    const values = {
      ...dateTimeFields('startedAt', now),
      ...dateTimeFields('returnedAt', now),
      ...dateTimeFields('at', now),
      ...dateTimeFields('occurredAt', now),
      ...frame.values,
    };
    // Back, and the interview not held or declined yet: the next step is the interview.
    const interview = episodes.find(
      (e) =>
        e.returnedAt !== null &&
        e.returnInterview !== null &&
        !['completed', 'declined'].includes(e.returnInterview.state),
    );
    return new HtmlDocument(
      id,
      this.pages.page(req, 'missing-episode.njk', {
        title: 'Missing and incidents',
        ...frame,
        open: episodes.find((e) => e.returnedAt === null) ?? null,
        interview: interview ?? null,
        episodes,
        values,
        outcomes: INTERVIEW_OUTCOMES.map((o) => ({
          value: o,
          text: OUTCOME_WORDS[o],
          checked: values.outcome === o,
        })),
        kinds: INCIDENT_KINDS.map((k) => ({
          value: k,
          text: INCIDENT_WORDS_BY_KIND[k],
          checked: values.kind === k,
        })),
      }),
    );
  }

  @Post(':id/missing')
  @Requires('contact:write', onCase())
  async report(
    @UuidParam('id') id: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    const back = `/app/young-people/${id}/missing`;
    const { value, errors } = await this.pages.formWithDates(
      ReportMissingRequest,
      body,
      {},
      MISSING_WORDS,
      { startedAt: 'When they went missing' },
    );
    if (errors.length) return this.pages.failed(req, res, back, errors, body);
    let position: number;
    try {
      const ctx = this.pages.context(req, body.idempotencyKey, value);
      ({ position } = await this.commandBus.execute(ReportMissingCommand.from(id, value, ctx)));
    } catch (error) {
      return this.pages.failed(req, res, back, this.pages.refusal(error, MISSING_WORDS), body);
    }
    return this.pages.done(req, res, back, `nwd-form:missing-${id}`, position);
  }

  /** While they are missing: a sighting, a call, the police reference, as it comes in. */
  @Post(':id/missing/:episodeId/updates')
  @Requires('contact:write', onCase())
  update(
    @UuidParam('id') id: string,
    @UuidParam('episodeId') episodeId: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    return this.pages.submit(req, res, {
      back: `/app/young-people/${id}/missing`,
      body: { ...body, form: 'update' },
      type: UpdateMissingRequest,
      words: {
        note: { label: 'what is new' },
        policeReference: { label: 'the police reference' },
      },
      command: (value, ctx) => UpdateMissingCommand.from(id, episodeId, value, ctx),
      saved: 'update-recorded',
    });
  }

  @Post(':id/missing/:episodeId/return')
  @Requires('contact:write', onCase())
  async recordReturn(
    @UuidParam('id') id: string,
    @UuidParam('episodeId') episodeId: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    const back = `/app/young-people/${id}/missing`;
    const { value, errors } = await this.pages.formWithDates(
      RecordReturnRequest,
      body,
      {},
      RETURN_WORDS,
      { returnedAt: 'When they came back' },
    );
    if (errors.length) return this.pages.failed(req, res, back, errors, body);
    let position: number;
    try {
      const ctx = this.pages.context(req, body.idempotencyKey, value);
      ({ position } = await this.commandBus.execute(
        RecordReturnCommand.from(id, episodeId, value, ctx),
      ));
    } catch (error) {
      return this.pages.failed(req, res, back, this.pages.refusal(error, RETURN_WORDS), body);
    }
    return this.pages.done(req, res, back, `nwd-form:return-${episodeId}`, position);
  }

  @Post(':id/missing/:episodeId/interview')
  @Requires('contact:write', onCase())
  interview(
    @UuidParam('id') id: string,
    @UuidParam('episodeId') episodeId: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    return this.pages.submit(req, res, {
      back: `/app/young-people/${id}/missing`,
      body,
      type: RecordInterviewRequest,
      times: { at: 'When' },
      words: INTERVIEW_WORDS,
      command: (value, ctx) => RecordInterviewCommand.from(id, episodeId, value, ctx),
      saved: 'interview-recorded',
    });
  }

  @Post(':id/incidents')
  @Requires('contact:write', onCase())
  incident(
    @UuidParam('id') id: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    return this.pages.submit(req, res, {
      back: `/app/young-people/${id}/missing`,
      body,
      type: RecordIncidentRequest,
      times: { occurredAt: 'When it happened' },
      words: INCIDENT_WORDS,
      command: (value, ctx) => RecordIncidentCommand.from(id, value, ctx),
      saved: 'incident-recorded',
    });
  }
}
