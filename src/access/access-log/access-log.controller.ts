import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';
import { ApiProblems, DEFAULT_PAGE_SIZE, ListQuery, ReadsFrom, type Page } from '#platform';
import { Requires } from '../requires.decorator.js';
import { GetAccessLog, type AccessEntry } from './access-log.query.js';

export class AccessLogQuery extends ListQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  youngPersonId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[A-Za-z0-9._@|:-]{1,200}$/, { message: 'userId is not a user id' })
  userId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'From this instant (inclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Up to this instant (exclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit/access-log')
export class AccessLogController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Requires('audit:read')
  @ReadsFrom('access_log')
  @ApiOperation({ summary: 'Every look at a young person’s record: who, when, what and why' })
  @ApiProblems(400, 401, 403, 503)
  list(@Query() q: AccessLogQuery): Promise<Page<AccessEntry>> {
    return this.queryBus.execute(
      new GetAccessLog(
        { youngPersonId: q.youngPersonId, userId: q.userId, from: q.from, to: q.to },
        q.limit ?? DEFAULT_PAGE_SIZE,
        q.cursor,
      ),
    );
  }
}
