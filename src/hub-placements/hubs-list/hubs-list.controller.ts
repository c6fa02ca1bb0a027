import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../access/index.js';
import { ApiProblems, DEFAULT_PAGE_SIZE, ListQuery, ReadsFrom, type Page } from '#platform';
import { ListHubs, type HubView } from './hubs-list.query.js';

@ApiTags('hubs')
@ApiBearerAuth()
@Controller('api/hubs')
export class HubsListController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Requires('hub:read')
  @ReadsFrom('hubs_list')
  @ApiOperation({ summary: 'List hubs by name, a page at a time' })
  @ApiProblems(400, 401, 403, 503)
  list(@Query() query: ListQuery): Promise<Page<HubView>> {
    return this.queryBus.execute(new ListHubs(query.limit ?? DEFAULT_PAGE_SIZE, query.cursor));
  }
}
