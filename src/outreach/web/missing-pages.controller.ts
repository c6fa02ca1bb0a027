import { Body, Controller, Get, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { ReadsFrom, UuidParam } from '#platform';
import { HtmlDocument } from '../../access/index.js';
import { LogsAccess, onCase, oneCase, Requires, type WebRequest } from '../../access/index.js';
import { GetMissingEpisodes } from '../missing-board/missing-board.query.js';
import { RecordReturnRequest, ReportMissingRequest } from '../missing/missing.dto.js';
import { RecordReturnCommand, ReportMissingCommand } from '../outreach.handlers.js';
import { CasePageFrame } from '../../young-people/index.js';
import { ukInstant, ukNowLocal } from '../../web/index.js';
import { WebPages, type FormWords } from '../../web/index.js';

const MISSING_WORDS: FormWords = {
  category: { label: 'whether they are missing or away from placement' },
  startedAt: {
    label: 'since when they have been missing',
    rules: { matches: 'Enter since when they have been missing, as a date and time' },
  },
  policeInformed: { label: 'whether the police have been told' },
  policeReference: { label: 'the police reference' },
  circumstances: { label: 'what happened' },
  returnedAt: {
    label: 'when they came back',
    rules: { matches: 'Enter when they came back, as a date and time' },
  },
  whereFound: { label: 'where they were found' },
};

/** Report a young person missing and record the return (phone first). */
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
    const episodes = await this.queryBus.execute(new GetMissingEpisodes(id));
    const now = ukNowLocal();
    return new HtmlDocument(
      id,
      this.pages.page(req, 'missing-episode.njk', {
        title: 'Missing',
        ...frame,
        open: episodes.find((e: { returnedAt: string | null }) => e.returnedAt === null) ?? null,
        episodes,
        values: { startedAt: now, returnedAt: now, ...frame.values },
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
    const fields = {
      ...body,
      startedAt: ukInstant(body.startedAt ?? '') ?? body.startedAt,
      policeInformed: body.policeInformed === 'true',
    };
    const { value, errors } = await this.pages.form(ReportMissingRequest, fields, MISSING_WORDS);
    if (errors.length) return this.pages.failed(req, res, back, errors, body);
    let position: number;
    try {
      const ctx = this.pages.context(req, body.idempotencyKey, value);
      ({ position } = await this.commandBus.execute(ReportMissingCommand.from(id, value, ctx)));
    } catch (error) {
      return this.pages.failed(req, res, back, this.pages.refusal(error), body);
    }
    return this.pages.done(req, res, back, `nwd-form:missing-${id}`, position);
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
    const fields = { ...body, returnedAt: ukInstant(body.returnedAt ?? '') ?? body.returnedAt };
    const { value, errors } = await this.pages.form(RecordReturnRequest, fields, MISSING_WORDS);
    if (errors.length) return this.pages.failed(req, res, back, errors, body);
    let position: number;
    try {
      const ctx = this.pages.context(req, body.idempotencyKey, value);
      ({ position } = await this.commandBus.execute(
        RecordReturnCommand.from(id, episodeId, value, ctx),
      ));
    } catch (error) {
      return this.pages.failed(req, res, back, this.pages.refusal(error), body);
    }
    return this.pages.done(req, res, back, `nwd-form:return-${episodeId}`, position);
  }
}
