import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiOperation,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import type { Response } from 'express';
import {
  ApiProblems,
  Ctx,
  DEFAULT_PAGE_SIZE,
  ListQuery,
  ReadsFrom,
  UuidParam,
  writeResponse,
  type Page,
  type RequestContext,
} from '#platform';
import { LogsAccess, onCase, oneCase, Requires } from '../../access/index.js';
import { AmendContactRequest, LogContactRequest } from './contacts.dto.js';
import { AmendContactCommand, LogContactCommand } from '../outreach.handlers.js';
import {
  CONTACT_KINDS,
  PORTFOLIO_AREAS,
  type ContactKind,
  type PortfolioArea,
} from '../outreach.events.js';
import { GetContactTimeline, type ContactView } from '../timeline/contact-timeline.query.js';

export class TimelineQuery extends ListQuery {
  @ApiPropertyOptional({ enum: CONTACT_KINDS })
  @IsOptional()
  @IsIn(CONTACT_KINDS)
  kind?: ContactKind;

  @ApiPropertyOptional({ example: 'kw-001' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._@-]{1,100}$/, { message: 'workerId must be a worker id' })
  workerId?: string;

  @ApiPropertyOptional({ enum: PORTFOLIO_AREAS, description: 'Only contacts that touched it' })
  @IsOptional()
  @IsIn(PORTFOLIO_AREAS)
  area?: PortfolioArea;
}

/** Contacts from the field: log, amend, and the young person's timeline. */
@ApiTags('outreach')
@ApiBearerAuth()
@Controller('api/young-people')
export class ContactsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Post(':id/contacts')
  @HttpCode(201)
  @Requires('contact:write', onCase())
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Send one per contact from a phone: any number of retries record it once',
  })
  @ApiOperation({ summary: 'Log a contact (it may have happened hours or days ago)' })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  async log(
    @UuidParam('id') id: string,
    @Body() body: LogContactRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const outcome = await this.commandBus.execute(LogContactCommand.from(id, body, ctx));
    return writeResponse(res, outcome, { youngPersonId: id, contactId: outcome.contactId });
  }

  @Post(':id/contacts/:contactId/amendments')
  @HttpCode(200)
  @Requires('contact:write', onCase())
  @ApiOperation({
    summary: 'Correct a contact: the timeline shows the new text, the history keeps the old',
  })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  async amend(
    @UuidParam('id') id: string,
    @UuidParam('contactId') contactId: string,
    @Body() body: AmendContactRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const outcome = await this.commandBus.execute(
      AmendContactCommand.from(id, contactId, body, ctx),
    );
    return writeResponse(res, outcome, { youngPersonId: id, contactId });
  }

  @Get(':id/contacts')
  @Requires('contact:read', onCase())
  @LogsAccess('contact timeline', oneCase)
  @ReadsFrom('contact_timeline')
  @ApiHeader({ name: 'X-Access-Reason', required: false })
  @ApiOperation({ summary: 'The contact timeline, newest first by when each contact happened' })
  @ApiProblems(400, 401, 403, 404, 503)
  async timeline(@UuidParam('id') id: string, @Query() q: TimelineQuery) {
    const page: Page<ContactView> = await this.queryBus.execute(
      new GetContactTimeline(
        id,
        { kind: q.kind, workerId: q.workerId, area: q.area },
        q.limit ?? DEFAULT_PAGE_SIZE,
        q.cursor,
      ),
    );
    return { youngPersonId: id, ...page };
  }
}
