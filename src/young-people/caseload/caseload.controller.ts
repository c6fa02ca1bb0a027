import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  Access,
  LogsAccess,
  pageOfCases,
  Requires,
  scopedList,
  type AccessScope,
} from '../../access/index.js';
import {
  ApiProblems,
  DEFAULT_PAGE_SIZE,
  ListQuery,
  ProblemException,
  ReadsFrom,
  UuidParam,
  type Page,
} from '#platform';
import { GetCaseload, type CaseloadEntry } from './caseload.query.js';

const WORKER_ID = /^[A-Za-z0-9._@-]{1,100}$/;

@ApiTags('caseloads')
@ApiBearerAuth()
@Controller('api/caseloads')
export class CaseloadController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':workerId')
  @Requires('case:read', scopedList())
  @LogsAccess('caseload', pageOfCases)
  @ReadsFrom('caseloads')
  @ApiHeader({ name: 'X-Access-Reason', required: false })
  @ApiOperation({ summary: 'A key worker’s caseload: the accepted cases they are key worker for' })
  @ApiProblems(400, 401, 403, 503)
  async caseload(
    @Param('workerId') workerId: string,
    @Query() query: ListQuery,
    @Access() access: AccessScope,
  ): Promise<Page<CaseloadEntry>> {
    if (!WORKER_ID.test(workerId)) {
      throw new ProblemException(400, 'REQUEST.MALFORMED_ID', 'workerId is not a worker id', [
        { field: 'workerId', message: 'must be 1 to 100 letters, digits or . _ @ -' },
      ]);
    }
    // A visitor's rows are kept to those who consented by the access log's interceptor.
    return this.queryBus.execute(
      new GetCaseload({ workerId }, query.limit ?? DEFAULT_PAGE_SIZE, query.cursor, access),
    );
  }
}

/** Every open case of a hub, for the manager allocating support. */
@ApiTags('caseloads')
@ApiBearerAuth()
@Controller('api/hubs')
export class HubCaseloadController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':hubId/caseload')
  @Requires('case:read', scopedList())
  @LogsAccess('hub caseload', pageOfCases)
  @ReadsFrom('caseloads')
  @ApiHeader({ name: 'X-Access-Reason', required: false })
  @ApiOperation({
    summary: 'A hub’s open cases with key workers, ages, pathway reviews due and turning-25 flags',
  })
  @ApiProblems(400, 401, 403, 503)
  async hubCaseload(
    @UuidParam('hubId') hubId: string,
    @Query() query: ListQuery,
    @Access() access: AccessScope,
  ): Promise<Page<CaseloadEntry>> {
    // A visitor's rows are kept to those who consented by the access log's interceptor.
    return this.queryBus.execute(
      new GetCaseload({ hubId }, query.limit ?? DEFAULT_PAGE_SIZE, query.cursor, access),
    );
  }
}
