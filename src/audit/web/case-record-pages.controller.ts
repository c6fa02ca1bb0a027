import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { UuidParam } from '#platform';
import { HtmlDocument } from '../../access/index.js';
import { LogsAccess, onCase, oneCase, Requires, type WebRequest } from '../../access/index.js';
import { WebPages } from '../../web/index.js';
import { GetFieldHistory, GetSubjectAccessRecord } from '../audit.queries.js';
import { CASE_FIELDS } from '../field-history.js';
import { CasePageFrame, GetCaseSummary } from '../../young-people/index.js';

/** One case's field history, and the record a young person may ask for (subject access). */
@ApiExcludeController()
@Controller('app/young-people')
export class CaseRecordPagesController {
  constructor(
    private readonly pages: WebPages,
    private readonly queryBus: QueryBus,
    private readonly frame: CasePageFrame,
  ) {}

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
    const summary = await this.queryBus.execute(new GetCaseSummary(id));
    return new HtmlDocument(
      id,
      this.pages.page(req, 'field-history.njk', {
        title: 'Field history',
        c: summary,
        header: await this.frame.header(req, summary, 'chronology'),
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
