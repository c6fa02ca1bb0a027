import { Controller, Get, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { UuidParam } from '#platform';
import { HtmlDocument } from '../../access/index.js';
import { LogsAccess, onCase, oneCase, Requires, type WebRequest } from '../../access/index.js';
import {
  dateTimeFields,
  dateTimeFromInput,
  ukDateTime,
  ukOrInstant,
  WebPages,
} from '../../web/index.js';
import {
  GetCaseAsOf,
  GetChronology,
  GetFieldHistory,
  GetSubjectAccessRecord,
} from '../audit.queries.js';
import type { ChronologyEntry } from '../chronology.js';
import { renderRecordPdf } from '../record-pdf.js';
import { CASE_FIELDS } from '../field-history.js';
import { CasePageFrame, GetCaseSummary, type CaseSummary } from '../../young-people/index.js';

type Known = {
  summary: CaseSummary | null;
  contacts: unknown[];
  placements: { to: string | null; legalStatus: string; bedId: string | null }[];
};
/** What the compare page sets side by side, read from the case as known at each moment. */
const COMPARED: [string, (k: Known) => string][] = [
  ['Status', (k) => k.summary?.status.replaceAll('_', ' ') ?? 'not known yet'],
  ['Key worker', (k) => k.summary?.keyWorker?.workerName ?? 'none'],
  ['Team', (k) => k.summary?.team.map((m) => m.name).join(', ') || 'no one'],
  [
    'Placement',
    (k) => {
      const open = [...k.placements].reverse().find((p) => p.to === null);
      return open
        ? `${open.bedId ? `hub bed ${open.bedId}` : 'community family'}, legal status ${open.legalStatus}`
        : 'none';
    },
  ],
  ['Contacts recorded', (k) => String(k.contacts.length)],
];

/** The case's fields as an auditor names them. */
const FIELD_WORDS: Record<string, string> = {
  status: 'Status',
  givenName: 'First name',
  familyName: 'Last name',
  dateOfBirth: 'Date of birth',
  socialWorker: 'Social worker',
  keyWorker: 'Key worker',
  team: 'Team around the young person',
  legalStatus: 'Legal status',
  placement: 'Placement',
  accommodation: 'Where they live',
};

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
    // The same "as known at" as the chronology: what the record said, as it was known then.
    const boxes = dateTimeFromInput(req.query, 'asOf', 'As known at');
    const at =
      boxes.value ?? ukOrInstant(typeof req.query.asOf === 'string' ? req.query.asOf : undefined);
    const history = await this.queryBus.execute(new GetFieldHistory(id, chosen, { asOf: at }));
    const fields = Object.keys(CASE_FIELDS).map((f) => ({
      value: f,
      text: FIELD_WORDS[f] ?? f,
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
        field: FIELD_WORDS[chosen] ?? chosen,
        fieldKey: chosen,
        fields,
        changes: history.changes,
        reflects: history.reflects,
        errors: boxes.error ? [boxes.error] : [],
        values: boxes.given ? req.query : at ? dateTimeFields('asOf', at, true) : {},
      }),
    );
  }

  /**
   * The case as known at two moments side by side, and what was recorded between them: what an
   * auditor asks when a decision is questioned ("what did we know then, and what came after?").
   */
  @Get(':id/compare')
  @Requires('case:read', onCase())
  @LogsAccess('compare page', oneCase)
  async compare(@UuidParam('id') id: string, @Req() req: WebRequest) {
    const first = dateTimeFromInput(req.query, 'a', 'The first moment');
    const second = dateTimeFromInput(req.query, 'b', 'The second moment');
    const errors = [first.error, second.error].filter((e) => e !== undefined);
    const summary = await this.queryBus.execute(new GetCaseSummary(id));
    const view: Record<string, unknown> = {
      title: 'Compare two moments',
      c: summary,
      header: await this.frame.header(req, summary, 'chronology'),
      youngPersonId: id,
      errors,
      values: req.query,
      compared: null,
    };
    if (first.value && second.value && !errors.length) {
      const [a, b] = [first.value, second.value].sort();
      const [knownA, knownB] = await Promise.all(
        [a, b].map((asOf) => this.queryBus.execute(new GetCaseAsOf(id, { asOf }))),
      );
      const rows = COMPARED.map(([label, read]) => {
        const then = read(knownA.case);
        const later = read(knownB.case);
        return { label, then, later, changed: then !== later };
      });
      // What came to be known between them: entries recorded after the first moment.
      const between = (
        await this.queryBus.execute(new GetChronology(id, { asOf: b }, {}))
      ).entries.filter((e: ChronologyEntry) => e.recordedAt > a);
      view.compared = {
        a: ukDateTime(a),
        b: ukDateTime(b),
        rows,
        between: between.map((e: ChronologyEntry) => ({
          text: e.text,
          recordedAt: ukDateTime(e.recordedAt),
          by: e.recordedBy.name,
        })),
      };
    }
    return new HtmlDocument(id, this.pages.page(req, 'compare.njk', view));
  }

  @Get(':id/record')
  @Requires('case:subject_access', onCase())
  @LogsAccess('subject access record disclosed', oneCase)
  async record(
    @UuidParam('id') id: string,
    @Req() req: WebRequest,
    @Res({ passthrough: true }) res: Response,
    @Query('format') format?: string,
  ) {
    const pdfHref = `/app/young-people/${id}/record?format=pdf`;
    const record = await this.queryBus.execute(
      new GetSubjectAccessRecord(id, new Date().toISOString(), req.user?.name ?? null, pdfHref),
    );
    if (format === 'pdf') {
      // A file Nest sends as it is (a Buffer returned would be sent as JSON).
      return new StreamableFile(await renderRecordPdf(record.document), {
        type: 'application/pdf',
        disposition: `attachment; filename="record-${id}.pdf"`,
      });
    }
    res.type('text/html; charset=utf-8');
    return new HtmlDocument(id, record.html);
  }
}
