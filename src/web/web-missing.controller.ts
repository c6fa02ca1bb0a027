import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { HtmlDocument, ReadsFrom, UuidParam } from '#platform';
import { LogsAccess, onCase, oneCase, Requires, type WebRequest } from '../access/index.js';
import { GetFieldHistory, GetSubjectAccessRecord } from '../audit/audit.queries.js';
import { CASE_FIELDS } from '../audit/field-history.js';
import { GetMissingEpisodes } from '../outreach/missing-board/missing-board.query.js';
import { RecordReturnRequest, ReportMissingRequest } from '../outreach/missing/missing.dto.js';
import { RecordReturnCommand, ReportMissingCommand } from '../outreach/outreach.handlers.js';
import { GetCaseSummary } from '../young-people/case-summary/case-summary.query.js';
import { ukInstant, ukNowLocal } from './uk-time.js';
import { WebPages } from './web-pages.js';

/** Report a young person missing and record the return (phone first); field history; the record. */
@ApiExcludeController()
@Controller('app/young-people')
export class WebMissingController {
  constructor(
    private readonly pages: WebPages,
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
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
    const summary = await this.queryBus.execute(new GetCaseSummary(id));
    const episodes = await this.queryBus.execute(new GetMissingEpisodes(id));
    const { errors, values } = this.pages.takeFlash(req, res);
    if (errors.length) res.status(400);
    const now = ukNowLocal();
    return new HtmlDocument(
      id,
      this.pages.page(req, 'missing-episode.njk', {
        title: 'Missing',
        c: summary,
        open: episodes.find((e: { returnedAt: string | null }) => e.returnedAt === null) ?? null,
        episodes,
        errors,
        values: { startedAt: now, returnedAt: now, ...values },
        key: randomUUID(),
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
    const { value, errors } = await this.pages.form(ReportMissingRequest, fields);
    if (errors.length) return this.pages.failed(req, res, back, errors, body);
    let position: number;
    try {
      const ctx = this.pages.context(req, body.idempotencyKey, value);
      ({ position } = await this.commandBus.execute(new ReportMissingCommand(id, value, ctx)));
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
    const { value, errors } = await this.pages.form(RecordReturnRequest, fields);
    if (errors.length) return this.pages.failed(req, res, back, errors, body);
    let position: number;
    try {
      const ctx = this.pages.context(req, body.idempotencyKey, value);
      ({ position } = await this.commandBus.execute(
        new RecordReturnCommand(id, episodeId, value, ctx),
      ));
    } catch (error) {
      return this.pages.failed(req, res, back, this.pages.refusal(error), body);
    }
    return this.pages.done(req, res, back, `nwd-form:return-${episodeId}`, position);
  }

  @Get(':id/field-history')
  @Requires('case:read', onCase())
  @LogsAccess('field history page', oneCase)
  async fieldHistory(
    @UuidParam('id') id: string,
    @Req() req: WebRequest,
    @Query('field') field?: string,
  ) {
    const chosen = field && Object.hasOwn(CASE_FIELDS, field) ? field : 'keyWorker';
    const history = await this.queryBus.execute(new GetFieldHistory(id, chosen, {}));
    const fields = Object.keys(CASE_FIELDS).map((f) => ({
      value: f,
      text: f,
      selected: f === chosen,
    }));
    return new HtmlDocument(
      id,
      this.pages.page(req, 'field-history.njk', {
        title: 'Field history',
        youngPersonId: id,
        field: chosen,
        fields,
        changes: history.changes,
        reason: typeof req.query.reason === 'string' ? req.query.reason : '',
      }),
    );
  }

  @Get(':id/record')
  @Requires('case:subject_access', onCase())
  @LogsAccess('subject access record page', oneCase)
  async record(@UuidParam('id') id: string, @Res({ passthrough: true }) res: Response) {
    const record = await this.queryBus.execute(
      new GetSubjectAccessRecord(id, new Date().toISOString()),
    );
    res.type('text/html; charset=utf-8');
    return new HtmlDocument(id, record.html);
  }
}
