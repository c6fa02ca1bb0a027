import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, DEFAULT_PAGE_SIZE, ListQuery, ReadsFrom, UuidParam } from '#platform';
import { onCase, Requires } from '../requires.decorator.js';
import { GetAccessLog } from './access-log.query.js';
import { LogsAccess, oneCase } from './logs-access.decorator.js';

export interface SubjectAccessEntry {
  when: string;
  who: string;
  role: string;
  what: string;
  why: string | null;
}

/** For a young person (through a manager or auditor): everyone who has looked at their record. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/young-people')
export class SubjectAccessController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id/access-log')
  @Requires('case:subject_access', onCase())
  @ReadsFrom('access_log')
  @LogsAccess('who has seen your record', oneCase)
  @ApiOperation({ summary: 'Who has looked at this young person’s record, in plain words' })
  @ApiProblems(400, 401, 403, 404, 503)
  async list(@UuidParam('id') id: string, @Query() q: ListQuery) {
    const page = await this.queryBus.execute(
      new GetAccessLog({ youngPersonId: id }, q.limit ?? DEFAULT_PAGE_SIZE, q.cursor),
    );
    return {
      youngPersonId: id,
      items: page.items.map((e): SubjectAccessEntry => ({
        when: e.viewedAt,
        who: e.user.name,
        role: e.user.roles.join(', ').replace(/_/g, ' '),
        what: e.view,
        why: e.reason,
      })),
      nextCursor: page.nextCursor,
    };
  }
}
