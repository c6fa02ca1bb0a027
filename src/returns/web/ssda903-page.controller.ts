import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  collectionYearOf,
  COLLECTION_YEARS,
  LOCAL_AUTHORITIES,
  TABLE_NAMES,
  tableCsv,
  type TableName,
} from '#ssda903';
import { ReadsFrom } from '#platform';
import {
  Access,
  HtmlDocument,
  LogsAccess,
  Requires,
  scopeFor,
  type Permission,
  type AccessScope,
  type WebRequest,
} from '../../access/index.js';
import { WebPages, youngPeopleInPage } from '../../web/index.js';
import { Ssda903Export } from '../ssda903/ssda903-export.js';
import { returnHubs } from '../ssda903/ssda903.controller.js';
import type { HubFacts, ProblemFix, ReturnProblem } from '../ssda903/ssda903.derive.js';

const TABLE_WORDS: Record<TableName, string> = {
  header: 'Header: each looked-after child, once',
  episodes: 'Episodes: each change of placement or legal status',
  missing: 'Missing: each time missing or away while looked after',
  oc3: 'OC3: care leavers on their 17th to 21st birthdays',
  uasc: 'UASC: unaccompanied asylum-seeking children',
};

/** "Hampshire (E10000014)". */
const councilName = (laCode: string) => `${LOCAL_AUTHORITIES.get(laCode)} (${laCode})`;

/** Who may follow each fix: an auditor sees the problems and changes nothing. */
const FIX_NEEDS: Record<ProblemFix, Permission> = {
  'return-details': 'case:decide',
  'hub-registration': 'placement:write',
  placements: 'placement:write',
  housing: 'housing:write',
};

const FIX_WORDS: Record<ProblemFix, string> = {
  'return-details': 'Record the details',
  'hub-registration': 'Record the hub’s council and Ofsted number',
  placements: 'See the placements',
  housing: 'See housing',
};

function fixLink(p: ReturnProblem): string {
  switch (p.fix) {
    case 'return-details':
      return `/app/young-people/${p.youngPersonId}/return-details`;
    case 'hub-registration':
      return `/app/hubs/${p.hubId}/registration`;
    case 'placements':
      return `/app/young-people/${p.youngPersonId}/placements-outside`;
    case 'housing':
      return `/app/young-people/${p.youngPersonId}/housing`;
    default: {
      const _exhaustive: never = p.fix;
      return '/app';
    }
  }
}

/** The year whose return is due next: the one that ended last 31 March, or this one. */
const supportedYear = (q: string | undefined) =>
  (COLLECTION_YEARS as readonly string[]).includes(q ?? '')
    ? q!
    : (COLLECTION_YEARS as readonly string[]).includes(collectionYearOf(new Date().toISOString()))
      ? collectionYearOf(new Date().toISOString())
      : COLLECTION_YEARS.at(-1)!;

/**
 * The return's page for hub managers and auditors: whether it is ready (each young person's
 * remaining problems, with a link to the form that fixes it), and each table to download.
 */
@ApiExcludeController()
@Controller('app/returns')
export class Ssda903PageController {
  constructor(
    private readonly pages: WebPages,
    private readonly exports: Ssda903Export,
  ) {}

  @Get('ssda903')
  @Requires('return:read')
  @ReadsFrom('caseloads', 'hubs_list')
  @LogsAccess('SSDA903 return page', youngPeopleInPage)
  async page(
    @Req() req: WebRequest,
    @Access() access: AccessScope,
    @Query('year') yearAsked: string | undefined,
  ) {
    const year = supportedYear(yearAsked);
    const r = await this.exports.derive(year, { hubIds: returnHubs(access) });
    const rows = Object.fromEntries(TABLE_NAMES.map((t) => [t, r.tables[t].length]));
    const people = new Map<
      string,
      {
        name: string;
        youngPersonId: string | null;
        problems: { text: string; href: string | null; fix: string }[];
      }
    >();
    for (const p of r.problems) {
      const key = p.youngPersonId ?? `hub-${p.hubId}`;
      const entry = people.get(key) ?? {
        name: p.name,
        youngPersonId: p.youngPersonId,
        problems: [],
      };
      const may = scopeFor(req.user!.roles, FIX_NEEDS[p.fix]) !== null;
      entry.problems.push({
        text: p.message,
        href: may ? fixLink(p) : null,
        fix: FIX_WORDS[p.fix],
      });
      people.set(key, entry);
    }
    return new HtmlDocument(
      'returns',
      this.pages.page(req, 'ssda903.njk', {
        title: `SSDA903 return ${year}`,
        year,
        years: COLLECTION_YEARS,
        tables: TABLE_NAMES.map((t) => ({
          name: t,
          words: TABLE_WORDS[t],
          rows: rows[t],
          href: `/app/returns/ssda903/${year}/${t}.csv`,
        })),
        problems: [...people.values()],
        problemCount: r.problems.length,
        councils: [...new Set(r.hubs.flatMap((h) => (h.laCode ? [councilName(h.laCode)] : [])))],
        recorded: await this.recordedOf(year, r.hubs),
      }),
    );
  }

  @Get('ssda903/:year/:table.csv')
  @Requires('return:read')
  @ReadsFrom('caseloads', 'hubs_list')
  async table(
    @Param('year') year: string,
    @Param('table') table: string,
    @Access() access: AccessScope,
    @Res({ passthrough: true }) res: Response,
  ) {
    const name = (TABLE_NAMES as string[]).includes(table) ? (table as TableName) : 'header';
    const r = await this.exports.derive(supportedYear(year), { hubIds: returnHubs(access) });
    res.type('text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${name}.csv"`);
    return tableCsv(name, r.tables[name]);
  }

  /** When each council's return for the year was recorded as sent. */
  private async recordedOf(year: string, hubs: readonly HubFacts[]) {
    const codes = [...new Set(hubs.flatMap((h) => (h.laCode ? [h.laCode] : [])))];
    const recorded = await Promise.all(codes.map((la) => this.exports.recorded(year, la)));
    return recorded.flatMap((x) =>
      x ? [{ council: councilName(x.laCode), at: x.recordedAt }] : [],
    );
  }
}
