import { Controller, Get, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiProblems, ReadsFrom, UuidParam } from '#platform';
import { HtmlDocument } from '../access/index.js';
import { LogsAccess, onCase, oneCase, Requires, type AccessRequest } from '../access/index.js';
import { renderRecordPdf } from './record-pdf.js';
import { AsOfQuery, ChronologyQuery, FieldHistoryQuery, RecordQuery } from './audit.dto.js';
import {
  GetCaseAsOf,
  GetChronology,
  GetFieldHistory,
  GetLatestVerification,
  GetRetentionReport,
  GetSubjectAccessRecord,
} from './audit.queries.js';

const asOf = (q: AsOfQuery) => ({ asOf: q.asOf, revision: q.revision });

/** A case as it was known at any moment, its chronology, field history and the subject access copy. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/young-people')
export class CaseAuditController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id/as-of')
  @Requires('case:read', onCase())
  @LogsAccess('case as of', oneCase)
  @ApiHeader({ name: 'X-Access-Reason', required: false })
  @ApiOperation({
    summary:
      'Every view of the case (summary, team, plan, placements, contacts, missing, incidents, housing) folded only from events recorded up to ?asOf= (or up to case ?revision=)',
  })
  @ApiProblems(400, 401, 403, 404)
  async asOf(@UuidParam('id') id: string, @Query() q: AsOfQuery) {
    return { youngPersonId: id, ...(await this.queryBus.execute(new GetCaseAsOf(id, asOf(q)))) };
  }

  @Get(':id/chronology')
  @Requires('case:read', onCase())
  @LogsAccess('chronology', oneCase)
  @ApiHeader({ name: 'X-Access-Reason', required: false })
  @ApiOperation({
    summary:
      'One narrative across all modules in the order things happened, corrections beside what they correct',
  })
  @ApiProblems(400, 401, 403, 404)
  chronology(@UuidParam('id') id: string, @Query() q: ChronologyQuery) {
    return this.queryBus.execute(
      new GetChronology(id, asOf(q), { module: q.module, kind: q.kind, from: q.from, to: q.to }),
    );
  }

  @Get(':id/field-history')
  @Requires('case:read', onCase())
  @LogsAccess('field history', oneCase)
  @ApiHeader({ name: 'X-Access-Reason', required: false })
  @ApiOperation({ summary: 'Who changed a field of the case, when, from what to what' })
  @ApiProblems(400, 401, 403, 404)
  fieldHistory(@UuidParam('id') id: string, @Query() q: FieldHistoryQuery) {
    return this.queryBus.execute(new GetFieldHistory(id, q.field, asOf(q)));
  }

  @Get(':id/record')
  @Requires('case:subject_access', onCase())
  @LogsAccess('subject access record disclosed', oneCase)
  @ApiHeader({ name: 'X-Access-Reason', required: false })
  @ApiProduces('text/html', 'application/json', 'application/pdf')
  @ApiOperation({
    summary:
      'The young person’s whole record, printable (chronology first), third parties withheld; ?format=json for JSON, ?format=pdf for a tagged PDF. Each is logged as a disclosure',
  })
  @ApiProblems(400, 401, 403, 404)
  async record(
    @UuidParam('id') id: string,
    @Query() q: RecordQuery,
    @Req() req: AccessRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const record = await this.queryBus.execute(
      new GetSubjectAccessRecord(id, new Date().toISOString(), req.user?.name ?? null),
    );
    if (q.format === 'json') return { youngPersonId: id, ...record.json };
    if (q.format === 'pdf') {
      // A file Nest sends as it is (a Buffer returned would be sent as JSON).
      return new StreamableFile(await renderRecordPdf(record.document), {
        type: 'application/pdf',
        disposition: `attachment; filename="record-${id}.pdf"`,
      });
    }
    res.type('text/html; charset=utf-8');
    res.setHeader('Content-Disposition', `inline; filename="record-${id}.html"`);
    return new HtmlDocument(id, record.html);
  }
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit')
export class AuditReportsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('retention')
  @Requires('audit:read')
  @ReadsFrom('caseloads')
  @ApiHeader({ name: 'X-Access-Reason', required: false })
  @ApiOperation({
    summary: 'Cases past their retention date (the 75th birthday); nothing is deleted',
  })
  @ApiProblems(400, 401, 403, 503)
  retention(@Query() _q: AsOfQuery) {
    return this.queryBus.execute(new GetRetentionReport());
  }

  @Get('verifications/latest')
  @Requires('audit:read')
  @ApiHeader({ name: 'X-Access-Reason', required: false })
  @ApiOperation({ summary: 'The last `nwd verify` result recorded in the log' })
  @ApiProblems(401, 403)
  async latestVerification() {
    return { verification: await this.queryBus.execute(new GetLatestVerification()) };
  }
}
