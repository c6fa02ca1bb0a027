import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiProblems,
  DEFAULT_PAGE_SIZE,
  ListQuery,
  ProblemException,
  ReadsFrom,
  type Page,
} from '../../../libs/platform/src/index.js';
import { GetCaseload, type CaseloadEntry } from './caseload.query.js';

const WORKER_ID = /^[A-Za-z0-9._@-]{1,100}$/;

@ApiTags('caseloads')
@Controller('api/caseloads')
export class CaseloadController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':workerId')
  @ReadsFrom('caseloads')
  @ApiOperation({ summary: 'A key worker’s caseload: the accepted cases they are key worker for' })
  @ApiProblems(400, 503)
  caseload(
    @Param('workerId') workerId: string,
    @Query() query: ListQuery,
  ): Promise<Page<CaseloadEntry>> {
    if (!WORKER_ID.test(workerId)) {
      throw new ProblemException(400, 'REQUEST.MALFORMED_ID', 'workerId is not a worker id', [
        { field: 'workerId', message: 'must be 1 to 100 letters, digits or . _ @ -' },
      ]);
    }
    return this.queryBus.execute(
      new GetCaseload(workerId, query.limit ?? DEFAULT_PAGE_SIZE, query.cursor),
    );
  }
}
