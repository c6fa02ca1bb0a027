import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiProblems, ReadsFrom } from '#platform';
import { TABLE_COLUMNS, TABLE_NAMES, tableCsv, type TableName } from '#ssda903';
import { DomainError } from '#kernel';
import { Access, LogsAccess, Requires, type AccessScope } from '../../access/index.js';
import { Ssda903Export } from './ssda903-export.js';
import { Ssda903Query } from './ssda903.dto.js';

/** The hubs a caller's return covers: every hub for `all`, else the hubs in their token. */
export const returnHubs = (access: AccessScope) =>
  access.scope === 'all' ? null : access.user.hubs;

@ApiTags('returns')
@ApiBearerAuth()
@Controller('api/exports/ssda903')
export class Ssda903Controller {
  constructor(private readonly exports: Ssda903Export) {}

  @Get(':year')
  @Requires('return:read')
  @ReadsFrom('caseloads', 'hubs_list')
  @LogsAccess('SSDA903 return', (r) =>
    ((r as { problems?: { youngPersonId: string | null }[] }).problems ?? []).flatMap((p) =>
      p.youngPersonId ? [p.youngPersonId] : [],
    ),
  )
  @ApiHeader({ name: 'X-Access-Reason', required: false })
  @ApiOperation({
    summary:
      'The SSDA903 return for a collection year (2025-26), derived from the log: how many rows each table has, and the problems to put right before the council submits',
  })
  @ApiProblems(400, 401, 403)
  async summary(
    @Param('year') year: string,
    @Query() q: Ssda903Query,
    @Access() access: AccessScope,
  ) {
    const r = await this.exports.derive(year, { hubIds: returnHubs(access), laCode: q.la });
    return {
      year: r.year,
      tables: Object.fromEntries(
        TABLE_NAMES.map((t) => [t, { rows: r.tables[t].length, columns: TABLE_COLUMNS[t] }]),
      ),
      problems: r.problems,
    };
  }

  @Get(':year/:table.csv')
  @Requires('return:read')
  @ReadsFrom('caseloads', 'hubs_list')
  @ApiHeader({ name: 'X-Access-Reason', required: false })
  @ApiProduces('text/csv')
  @ApiOperation({
    summary: 'One table of the return as the DfE takes it: header, episodes, missing, oc3 or uasc',
  })
  @ApiProblems(400, 401, 403, 404)
  async table(
    @Param('year') year: string,
    @Param('table') table: string,
    @Query() q: Ssda903Query,
    @Access() access: AccessScope,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (!(TABLE_NAMES as string[]).includes(table)) {
      throw new DomainError(
        'RETURN.NO_SUCH_TABLE',
        `the return’s tables are ${TABLE_NAMES.join(', ')}`,
        404,
        'table',
      );
    }
    const name = table as TableName;
    const r = await this.exports.derive(year, { hubIds: returnHubs(access), laCode: q.la });
    res.type('text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${name}.csv"`);
    return tableCsv(name, r.tables[name]);
  }
}
