import { Controller, Get, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { UuidParam } from '#platform';
import { HtmlDocument } from '../../access/index.js';
import {
  CountRefusedRequests,
  GetRefusedRequests,
  LogsAccess,
  onCase,
  oneCase,
  Requires,
  type WebRequest,
} from '../../access/index.js';
import { GetAccessLog } from '../../access/index.js';
import {
  GetCaseAsOf,
  GetChronology,
  GetLatestVerification,
  GetRetentionReport,
} from '../audit.queries.js';
import { dateTimeFields, dateTimeFromInput, ukOrInstant } from '../../web/index.js';
import { WebPages } from '../../web/index.js';
import { CasePageFrame, GetCaseSummary } from '../../young-people/index.js';

/** The auditor's pages: a case's chronology with an as-of control, and the audit overview. */
@ApiExcludeController()
@Controller('app')
export class AuditPagesController {
  constructor(
    private readonly pages: WebPages,
    private readonly queryBus: QueryBus,
    private readonly frame: CasePageFrame,
  ) {}

  @Get('young-people/:id/chronology')
  @Requires('case:read', onCase())
  @LogsAccess('chronology page', oneCase)
  async chronology(
    @UuidParam('id') id: string,
    @Req() req: WebRequest,
    @Query('asOf') asOf?: string,
  ) {
    // The control asks for a date and a time (with seconds if need be) in UK time; `asOf` (an
    // instant or a UK datetime) still works in a link.
    const boxes = dateTimeFromInput(req.query, 'asOf', 'As known at');
    const at = boxes.value ?? ukOrInstant(asOf);
    const known = await this.queryBus.execute(new GetCaseAsOf(id, { asOf: at }));
    const chronology = await this.queryBus.execute(new GetChronology(id, { asOf: at }, {}));
    const entries = chronology.entries.map(
      (e: { corrections: { text: string; reason: string }[]; text: string }) => ({
        ...e,
        html: e.corrections.map((c) => `${c.text} (${c.reason})`),
      }),
    );
    // The case as it is now heads the page, with its parts; the as-known control is below it.
    const summary = await this.queryBus.execute(new GetCaseSummary(id));
    return new HtmlDocument(
      id,
      this.pages.page(req, 'chronology.njk', {
        title: 'Chronology',
        c: summary,
        header: await this.frame.header(req, summary, 'chronology'),
        youngPersonId: id,
        known: known.case,
        reflects: known.reflects,
        entries,
        errors: boxes.error ? [boxes.error] : [],
        values: boxes.given ? req.query : at ? dateTimeFields('asOf', at, true) : {},
        reason: typeof req.query.reason === 'string' ? req.query.reason : '',
      }),
    );
  }

  @Get('audit')
  @Requires('audit:read')
  async audit(@Req() req: WebRequest) {
    const log = await this.queryBus.execute(new GetAccessLog({}, 50, undefined));
    const verification = await this.queryBus.execute(new GetLatestVerification());
    const retention = await this.queryBus.execute(new GetRetentionReport());
    const refused = await this.queryBus.execute(new GetRefusedRequests({}, 20, undefined));
    const refusedWeek = await this.queryBus.execute(
      new CountRefusedRequests(new Date(Date.now() - 7 * 86_400_000).toISOString()),
    );
    return this.pages.page(req, 'audit.njk', {
      title: 'Audit',
      log: log.items,
      refused: refused.items,
      refusedWeek,
      verification,
      retention,
    });
  }
}
