import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { ReadsFrom } from '#platform';
import { collectionYearBounds } from '#ssda903';
import { outcomeYears } from '../outcome-years.js';
import { Access, Requires, type AccessScope, type WebRequest } from '../../access/index.js';
import { dateFromInput, ukDate, ukInstant, WebPages } from '../../web/index.js';
import { HubDirectory } from '../../hub-placements/index.js';
import { beforeAfterChart, trendChart } from '../indicators/charts.js';
import type { Indicator } from '../indicators/indicators.js';
import { OutcomeIndicators } from '../indicators/outcome-indicators.js';
import { indicatorsCsv, outsideTheHub, reportHubs, shown } from '../indicators/outcomes-report.js';

type Shown = Indicator & { suppressed: boolean };

const pct = (v: number) => `${Math.round(v * 100)}%`;
const pounds = (v: number) => `£${Math.round(v).toLocaleString('en-GB')}`;
const signed = (v: number) => `${v > 0 ? '+' : ''}${Number.isInteger(v) ? v : v.toFixed(2)}`;

/** A window's dates as people write them. */
const inWords = (text: string) => text.replace(/\d{4}-\d{2}-\d{2}/g, (d) => ukDate(d));

/** A figure in words, as the table shows it. */
function figureText(i: Shown): string {
  if (i.suppressed) return 'Fewer than 5 young people: not shown';
  if (i.value === null) return 'No one to count yet';
  switch (i.unit) {
    case 'share':
      return pct(i.value);
    case 'pounds':
      return `${pounds(i.value)} less than residential care (${pounds(i.after ?? 0)} against ${pounds(i.before ?? 0)})`;
    case 'per young person':
      return `${i.before} before, ${i.after} after (${signed(i.value)} each)`;
    default:
      return String(i.value);
  }
}

/**
 * The outcomes page (hub managers, auditors): the evaluation's indicators for a hub or every hub
 * the user may see, over a year and as known at a day, with charts, their data beside them, and
 * a CSV of the figures.
 */
@ApiExcludeController()
@Controller('app')
export class OutcomesPageController {
  constructor(
    private readonly pages: WebPages,
    private readonly indicators: OutcomeIndicators,
    private readonly hubs: HubDirectory,
  ) {}

  private async read(req: WebRequest, access: AccessScope, q: Record<string, string>) {
    const years = outcomeYears();
    const year = years.includes(q.year ?? '') ? q.year : years[0];
    const { start, end } = collectionYearBounds(year);
    const mine = access.scope === 'all' ? null : access.user.hubs;
    const hubId = q.hub && (mine === null || mine.includes(q.hub)) ? q.hub : undefined;
    const hubs = reportHubs(access, hubId);
    const asked = dateFromInput(q, 'asOf', 'The day');
    const asOfDay = asked.value ?? null;
    const asOf = asOfDay
      ? (ukInstant(`${asOfDay}T23:59:59`) ?? new Date().toISOString())
      : new Date().toISOString();
    const report = await this.indicators.report(hubs, { from: start, to: end }, asOf);
    const outside = outsideTheHub(access, hubs);
    const figures = report.indicators.map((i) => shown(i, outside));
    return { years, year, start, end, hubId, asOfDay, asOf, asked, report, figures, outside, mine };
  }

  @Get('outcomes')
  @Requires('report:read')
  @ReadsFrom('outcomes')
  async page(
    @Req() req: WebRequest,
    @Access() access: AccessScope,
    @Query() q: Record<string, string>,
  ) {
    const r = await this.read(req, access, q);
    const names = new Map(
      (await this.hubs.registrations(r.mine ?? undefined)).map((h) => [h.hubId, h.name]),
    );
    const byKey = new Map(r.figures.map((i) => [i.key, i]));
    const compared = ['missing', 'arrests', 'neet']
      .map((k) => byKey.get(k)!)
      .filter((i) => !i.suppressed && i.before !== undefined);
    const short: Record<string, string> = {
      missing: 'Missing episodes',
      arrests: 'Arrests',
      neet: 'NEET',
    };
    const bars = compared.flatMap((i) => [
      { what: short[i.key], when: 'Before' as const, n: i.before ?? 0 },
      { what: short[i.key], when: 'After' as const, n: i.after ?? 0 },
    ]);
    // Across hubs or to an auditor, a quarter's count under 5 is withheld like any other.
    const trend = r.report.trend.map((t) => ({
      ...t,
      shown: r.outside && t.n > 0 && t.n < 5 ? 'fewer than 5' : String(t.n),
    }));
    const trendDrawn = trend.filter((t) => !(r.outside && t.n > 0 && t.n < 5));
    const query = new URLSearchParams({
      year: r.year,
      ...(r.hubId ? { hub: r.hubId } : {}),
      ...(r.asOfDay
        ? Object.fromEntries(['day', 'month', 'year'].map((p) => [`asOf-${p}`, q[`asOf-${p}`]]))
        : {}),
    });
    // Figures, not records: no young person is looked at, so nothing goes in the access log.
    return this.pages.page(req, 'outcomes.njk', {
      title: `Outcomes ${r.year}`,
      year: r.year,
      years: r.years.map((y) => ({ value: y, text: y, selected: y === r.year })),
      hubChoices: [
        { value: '', text: r.mine === null ? 'Every hub' : 'All my hubs' },
        ...[...names].map(([value, text]) => ({ value, text, selected: value === r.hubId })),
      ],
      showHubs: names.size > 1 || r.mine === null,
      covering: r.hubId ? names.get(r.hubId) : r.mine === null ? 'every hub' : 'your hubs',
      window: `${ukDate(r.start)} to ${ukDate(r.end)}`,
      asOfText: r.asOfDay ? `as known at the end of ${ukDate(r.asOfDay)}` : 'as known now',
      errors: r.asked.error ? [r.asked.error] : [],
      values: q,
      outside: r.outside,
      figures: r.figures.map((i) => ({
        ...i,
        window: inWords(i.window),
        baselineWindow: i.baselineWindow && inWords(i.baselineWindow),
        text: figureText(i),
        covers: i.suppressed ? 'fewer than 5' : String(i.covers),
      })),
      bars,
      barsSvg: bars.length ? await beforeAfterChart(bars) : null,
      trend,
      trendSvg: trendDrawn.length ? await trendChart(trendDrawn) : null,
      csvHref: `/app/outcomes/indicators.csv?${query}`,
    });
  }

  @Get('outcomes/indicators.csv')
  @Requires('report:read')
  @ReadsFrom('outcomes')
  async csv(
    @Req() req: WebRequest,
    @Access() access: AccessScope,
    @Query() q: Record<string, string>,
    @Res({ passthrough: true }) res: Response,
  ) {
    const r = await this.read(req, access, q);
    res.type('text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="outcomes-${r.year}.csv"`);
    return indicatorsCsv(r.figures);
  }
}
