import { Controller, Get, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { UuidParam } from '#platform';
import { HtmlDocument } from '../../access/index.js';
import {
  Access,
  ConsentFilter,
  LogsAccess,
  onHubParam,
  pageOfCases,
  type AccessScope,
  type WebRequest,
  Requires,
} from '../../access/index.js';
import { WebPages, youngPeopleInPage } from '../../web/index.js';
import { GetMissingBoard, missingBoardRows } from '../missing-board/missing-board.query.js';
import { GetPendingNotifications } from '../notifications/notifications.query.js';

/** The hub manager's missing board: who is missing now, and Reg 40 notifications owed. */
@ApiExcludeController()
@Controller('app')
export class MissingBoardPageController {
  constructor(
    private readonly pages: WebPages,
    private readonly queryBus: QueryBus,
    private readonly consent: ConsentFilter,
  ) {}

  @Get('hubs/:hubId/missing')
  @Requires('contact:read', onHubParam())
  @LogsAccess('missing board page', youngPeopleInPage)
  async missing(
    @UuidParam('hubId') hubId: string,
    @Req() req: WebRequest,
    @Access() access: AccessScope,
  ) {
    const { response: board } = await this.consent.keep(
      access,
      await this.queryBus.execute(new GetMissingBoard(hubId)),
      missingBoardRows,
    );
    const { response: pending } = await this.consent.keep(
      access,
      await this.queryBus.execute(new GetPendingNotifications(hubId, 100, undefined)),
      pageOfCases,
    );
    return new HtmlDocument(
      '',
      this.pages.page(req, 'missing.njk', {
        title: 'Missing and Reg 40',
        board,
        pending: pending.items,
      }),
    );
  }
}
