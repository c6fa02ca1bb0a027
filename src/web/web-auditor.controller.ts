import { Controller, Get, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { HtmlDocument, UuidParam } from '../../libs/platform/src/index.js';
import { LogsAccess, onCase, oneCase, Requires, type WebRequest } from '../access/index.js';
import { GetAccessLog } from '../access/access-log/access-log.query.js';
import {
  GetCaseAsOf,
  GetChronology,
  GetLatestVerification,
  GetRetentionReport,
} from '../audit/audit.queries.js';
import { WebPages } from './web-pages.js';

/** A datetime-local value (UK time) or an instant; anything else is "now". */
function asOfInstant(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const local = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00` : value;
  const isLocal = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(local);
  const parsed = Date.parse(/Z|[+-]\d{2}:\d{2}$/.test(local) ? local : `${local}Z`);
  if (Number.isNaN(parsed)) return undefined;
  if (!isLocal) return new Date(parsed).toISOString();
  const d = new Date(parsed);
  const offset =
    new Date(d.toLocaleString('en-US', { timeZone: 'Europe/London' })).getTime() -
    new Date(d.toLocaleString('en-US', { timeZone: 'UTC' })).getTime();
  return new Date(parsed - offset).toISOString();
}

/** The auditor's pages: a case's chronology with an as-of control, and the audit overview. */
@ApiExcludeController()
@Controller('app')
export class WebAuditorController {
  constructor(
    private readonly pages: WebPages,
    private readonly queryBus: QueryBus,
  ) {}

  @Get('young-people/:id/chronology')
  @Requires('case:read', onCase())
  @LogsAccess('chronology page', oneCase)
  async chronology(
    @UuidParam('id') id: string,
    @Req() req: WebRequest,
    @Query('asOf') asOf?: string,
  ) {
    const at = asOfInstant(asOf);
    const known = await this.queryBus.execute(new GetCaseAsOf(id, { asOf: at }));
    const chronology = await this.queryBus.execute(new GetChronology(id, { asOf: at }, {}));
    const entries = chronology.entries.map(
      (e: { corrections: { text: string; reason: string }[]; text: string }) => ({
        ...e,
        html: e.corrections.map((c) => `${c.text} (${c.reason})`),
      }),
    );
    return new HtmlDocument(
      id,
      this.pages.page(req, 'chronology.njk', {
        title: 'Chronology',
        youngPersonId: id,
        known: known.case,
        reflects: known.reflects,
        entries,
        asOf: asOf ?? '',
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
    return this.pages.page(req, 'audit.njk', {
      title: 'Audit',
      log: log.items,
      verification,
      retention,
    });
  }
}
