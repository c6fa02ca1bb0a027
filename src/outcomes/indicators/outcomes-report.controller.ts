import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiProblems, ReadsFrom } from '#platform';
import { Access, Requires, type AccessScope } from '../../access/index.js';
import { OutcomeIndicators } from './outcome-indicators.js';
import { OutcomesQuery } from './outcomes-report.dto.js';
import { checkWindow, indicatorsCsv, outsideTheHub, reportHubs, shown } from './outcomes-report.js';

/** The evaluation's indicators for the hubs a caller may see, as known at an instant. */
@ApiTags('outcomes')
@ApiBearerAuth()
@Controller('api/outcomes')
export class OutcomesReportController {
  constructor(private readonly indicators: OutcomeIndicators) {}

  private async figures(q: OutcomesQuery, access: AccessScope) {
    checkWindow(q);
    const hubs = reportHubs(access, q.hubId);
    const asOf = q.asOf ? new Date(q.asOf).toISOString() : new Date().toISOString();
    const report = await this.indicators.report(hubs, { from: q.from, to: q.to }, asOf);
    const outside = outsideTheHub(access, hubs);
    return { ...report, indicators: report.indicators.map((i) => shown(i, outside)) };
  }

  @Get()
  @Requires('report:read')
  @ReadsFrom('outcomes')
  @ApiHeader({ name: 'X-Access-Reason', required: false })
  @ApiOperation({
    summary:
      'The indicators for a window (young people supported, stayed out of care, entries to care, nights, moves, missing, arrests and NEET before and after referral, care leavers, cost), each with its window, baseline and coverage; under 5 withheld outside the hub',
  })
  @ApiProblems(400, 401, 403, 503)
  report(@Query() q: OutcomesQuery, @Access() access: AccessScope) {
    return this.figures(q, access);
  }

  @Get('indicators.csv')
  @Requires('report:read')
  @ReadsFrom('outcomes')
  @ApiHeader({ name: 'X-Access-Reason', required: false })
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The same figures as CSV' })
  @ApiProblems(400, 401, 403, 503)
  async csv(
    @Query() q: OutcomesQuery,
    @Access() access: AccessScope,
    @Res({ passthrough: true }) res: Response,
  ) {
    const r = await this.figures(q, access);
    res.type('text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="outcomes-${q.from}-${q.to}.csv"`);
    return indicatorsCsv(r.indicators);
  }
}
