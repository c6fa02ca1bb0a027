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
import { FindLooks, GetLooks, type Look } from '../../access/index.js';
import {
  GetCaseAsOf,
  GetChronology,
  GetLatestVerification,
  GetRetentionReport,
} from '../audit.queries.js';
import {
  dateFromInput,
  dateTimeFields,
  dateTimeFromInput,
  ukDateTime,
  ukDayAfter,
  ukDayStart,
  ukOrInstant,
} from '../../web/index.js';
import { MODULES, type ChronologyEntry, type Module } from '../chronology.js';
import { WebPages } from '../../web/index.js';
import { CaseDirectory, CasePageFrame, GetCaseSummary } from '../../young-people/index.js';

/** Entries on a chronology page. */
const CHRONOLOGY_PAGE = 50;
/** Looks on an audit page. */
const LOOKS_PAGE = 25;
/** The parts of a case, as the filter names them. */
const MODULE_WORDS: Record<Module, string> = {
  young_people: 'The case (referral, team, plan)',
  hub_placements: 'Beds and families',
  outreach: 'Contacts and missing episodes',
  housing: 'Housing',
  outcomes: 'Outcomes (justice, education, concerns, conferences)',
};
/** An event's kind in words: "MissingEpisodeReported" as "Missing episode reported". */
const kindWords = (kind: string) =>
  kind
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/ ([A-Z])/g, (_m, c: string) => ` ${c.toLowerCase()}`);

/** The auditor's pages: a case's chronology with an as-of control, and the audit overview. */
@ApiExcludeController()
@Controller('app')
export class AuditPagesController {
  constructor(
    private readonly pages: WebPages,
    private readonly queryBus: QueryBus,
    private readonly frame: CasePageFrame,
    private readonly cases: CaseDirectory,
  ) {}

  @Get('young-people/:id/chronology')
  @Requires('case:read', onCase())
  @LogsAccess('chronology page', oneCase)
  async chronology(
    @UuidParam('id') id: string,
    @Req() req: WebRequest,
    @Query() q: Record<string, string | undefined>,
  ) {
    // The control asks for a date and a time (with seconds if need be) in UK time; `asOf` (an
    // instant or a UK datetime) still works in a link.
    const boxes = dateTimeFromInput(req.query, 'asOf', 'As known at');
    const at = boxes.value ?? ukOrInstant(q.asOf);
    const from = dateFromInput(q, 'from', 'From');
    const to = dateFromInput(q, 'to', 'To');
    const module = (MODULES as readonly string[]).includes(q.module ?? '')
      ? (q.module as Module)
      : undefined;
    const known = await this.queryBus.execute(new GetCaseAsOf(id, { asOf: at }));
    // Every entry as known then, for the filters' choices; then the filtered ones.
    const all: ChronologyEntry[] = (
      await this.queryBus.execute(new GetChronology(id, { asOf: at }, {}))
    ).entries;
    const kind = all.some((e) => e.kind === q.kind) ? q.kind : undefined;
    const by = all.some((e) => e.recordedBy.id === q.by) ? q.by : undefined;
    const shown = all
      .filter((e) => !module || e.module === module)
      .filter((e) => !kind || e.kind === kind)
      .filter((e) => !by || e.recordedBy.id === by)
      .filter((e) => !from.value || e.occurredAt >= ukDayStart(from.value)!)
      .filter((e) => !to.value || e.occurredAt < ukDayAfter(to.value)!);
    // A long history a page at a time: with a start date, from that date forward; otherwise the
    // latest page first, with "Earlier entries" back to the referral.
    const pages = Math.max(1, Math.ceil(shown.length / CHRONOLOGY_PAGE));
    const page = Math.min(Math.max(1, Number(q.page) || 1), pages);
    const slice = from.value
      ? shown.slice((page - 1) * CHRONOLOGY_PAGE, page * CHRONOLOGY_PAGE)
      : shown.slice(
          Math.max(0, shown.length - page * CHRONOLOGY_PAGE),
          shown.length - (page - 1) * CHRONOLOGY_PAGE,
        );
    const link = (over: Record<string, string | number | undefined>) => {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries({ ...q, ...over }))
        if (v !== undefined && v !== '' && typeof v !== 'object') params.set(k, String(v));
      return `/app/young-people/${id}/chronology?${params}`;
    };
    const people = new Map(all.map((e) => [e.recordedBy.id, e.recordedBy.name]));
    const kinds = [...new Set(all.map((e) => e.kind))].sort();
    const errors = [boxes.error, from.error, to.error].filter((e) => e !== undefined);
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
        entries: slice.map((e) => ({
          ...e,
          moduleText: MODULE_WORDS[e.module],
          corrections: e.corrections.map((c) => ({ ...c, at: ukDateTime(c.at) })),
        })),
        count: shown.length,
        total: all.length,
        filtered: Boolean(module || kind || by || from.value || to.value),
        earlier:
          !from.value && page < pages
            ? link({ page: page + 1 })
            : from.value && page > 1
              ? link({ page: page - 1 })
              : null,
        later:
          !from.value && page > 1
            ? link({ page: page - 1 })
            : from.value && page < pages
              ? link({ page: page + 1 })
              : null,
        moduleItems: [
          { value: '', text: 'Every part' },
          ...MODULES.map((m) => ({ value: m, text: MODULE_WORDS[m], selected: m === module })),
        ],
        kindItems: [
          { value: '', text: 'Anything' },
          ...kinds.map((k) => ({ value: k, text: kindWords(k), selected: k === kind })),
        ],
        personItems: [
          { value: '', text: 'Anyone' },
          ...[...people].map(([value, text]) => ({ value, text, selected: value === by })),
        ],
        errors,
        values: {
          ...(boxes.given ? req.query : at ? dateTimeFields('asOf', at, true) : {}),
          ...Object.fromEntries(
            Object.entries(q).filter(([k]) => /^(from|to)-(day|month|year)$/.test(k)),
          ),
        },
        asOf: at ?? '',
      }),
    );
  }

  @Get('audit')
  @Requires('audit:read')
  async audit(@Req() req: WebRequest, @Query() q: Record<string, string | undefined>) {
    const from = dateFromInput(q, 'from', 'From');
    const to = dateFromInput(q, 'to', 'To');
    const page = /^\d{1,6}$/.test(q.page ?? '') ? Math.max(1, Number(q.page)) : 1;
    const filter = {
      userId: (q.who ?? '').slice(0, 100) || undefined,
      view: (q.view ?? '').slice(0, 100) || undefined,
      youngPersonId: /^[0-9a-f-]{36}$/.test(q.youngPerson ?? '') ? q.youngPerson : undefined,
      from: from.value ? ukDayStart(from.value) : undefined,
      to: to.value ? ukDayAfter(to.value) : undefined,
    };
    const { looks, total, views } = await this.queryBus.execute(
      new GetLooks(filter, page, LOOKS_PAGE),
    );
    const { people } = await this.queryBus.execute(new FindLooks({}));
    const names = await this.cases.namesOf([
      ...new Set(looks.flatMap((l: Look) => l.youngPersonIds)),
    ]);
    const nameOf = (id: string) => {
      const n = names.get(id);
      return n ? `${n.givenName} ${n.familyName}` : 'Name not known';
    };
    const verification = await this.queryBus.execute(new GetLatestVerification());
    const retention = await this.queryBus.execute(new GetRetentionReport());
    const refused = await this.queryBus.execute(new GetRefusedRequests({}, 20, undefined));
    const refusedWeek = await this.queryBus.execute(
      new CountRefusedRequests(new Date(Date.now() - 7 * 86_400_000).toISOString()),
    );
    const pages = Math.max(1, Math.ceil(total / LOOKS_PAGE));
    const link = (over: Record<string, string | number | undefined>) => {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries({ ...q, ...over }))
        if (v !== undefined && v !== '') params.set(k, String(v));
      return `/app/audit?${params}`;
    };
    const filtered = Boolean(
      filter.userId || filter.view || filter.youngPersonId || from.value || to.value,
    );
    // The audit page names no young person's record itself (the names are the log's, on rows
    // of looks already made): it is not a look at records, so it is not logged as one.
    return this.pages.page(req, 'audit.njk', {
      title: 'Audit',
      looks: looks.map((l: Look) => ({
        ...l,
        who: l.youngPersonIds.length === 1 ? nameOf(l.youngPersonIds[0]) : null,
        shown: l.youngPersonIds.map((id) => ({ id, name: nameOf(id) })),
      })),
      total,
      filtered,
      errors: [from.error, to.error].filter((e) => e !== undefined),
      values: q,
      whoItems: [
        { value: '', text: 'Anyone' },
        ...people.map((p: { id: string; name: string }) => ({
          value: p.id,
          text: p.name,
          selected: p.id === filter.userId,
        })),
      ],
      viewItems: [
        { value: '', text: 'Any kind of look' },
        ...views.map((v: string) => ({ value: v, text: v, selected: v === filter.view })),
      ],
      youngPerson: filter.youngPersonId ? nameOf(filter.youngPersonId) : null,
      pagination:
        pages > 1
          ? {
              previous: page > 1 ? { href: link({ page: page - 1 }) } : undefined,
              next: page < pages ? { href: link({ page: page + 1 }) } : undefined,
              items: Array.from({ length: pages }, (_, k) => k + 1)
                .filter((n) => n === 1 || n === pages || Math.abs(n - page) <= 2)
                .map((n) => ({ number: n, href: link({ page: n }), current: n === page })),
            }
          : null,
      refused: refused.items,
      refusedWeek,
      verification,
      retention,
    });
  }
}
