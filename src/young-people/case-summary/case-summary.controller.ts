import { Controller, Get, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LogsAccess, onCase, oneCase, Requires } from '../../access/index.js';
import type { Response } from 'express';
import { ApiProblems, FreshnessQuery, UuidParam } from '#platform';
import { GetCaseSummary, type CaseSummary } from './case-summary.query.js';

@ApiTags('young people')
@ApiBearerAuth()
@Controller('api/young-people')
export class CaseSummaryController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id')
  @Requires('case:read', onCase())
  @LogsAccess('case summary', oneCase)
  @ApiHeader({
    name: 'X-Access-Reason',
    required: false,
    description: 'Why you are looking (required for auditors and visitors)',
  })
  @ApiOperation({
    summary: 'A young person’s case summary; the ETag is the case revision for If-Match',
  })
  @ApiProblems(400, 401, 403, 404)
  async get(
    @UuidParam('id') id: string,
    @Query() _freshness: FreshnessQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseSummary> {
    const summary = await this.queryBus.execute(new GetCaseSummary(id));
    res.setHeader('ETag', `"${summary.revision}"`);
    return summary;
  }
}
