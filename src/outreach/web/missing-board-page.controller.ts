import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { ReadsFrom, UuidParam } from '#platform';
import { HtmlDocument } from '../../access/index.js';
import {
  Access,
  ConsentFilter,
  LogsAccess,
  onCase,
  onHubParam,
  pageOfCases,
  scopeFor,
  type AccessScope,
  type WebRequest,
  Requires,
} from '../../access/index.js';
import { dateTimeFields, WebPages, youngPeopleInPage, type FormWords } from '../../web/index.js';
import { RecordNotificationRequest } from '../incidents/incidents.dto.js';
import { RecordNotificationCommand } from '../outreach.handlers.js';
import { GetMissingBoard, missingBoardRows } from '../missing-board/missing-board.query.js';
import { GetPendingNotifications } from '../notifications/notifications.query.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const NOTIFY_WORDS: FormWords = {
  recipient: { label: 'who was told' },
  notifiedAt: { label: 'when it was sent' },
  method: { label: 'how it was sent' },
  reference: { label: 'the reference' },
};

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
  @ReadsFrom('missing_board', 'incidents')
  @LogsAccess('missing board page', youngPeopleInPage)
  async missing(
    @UuidParam('hubId') hubId: string,
    @Req() req: WebRequest,
    @Access() access: AccessScope,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { errors, values } = this.pages.takeFlash(req, res);
    if (errors.length) res.status(400);
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
        hubId,
        board,
        pending: pending.items,
        errors,
        // A refused "sent" form comes back open on its own row, with what was typed.
        values: { ...dateTimeFields('notifiedAt', new Date().toISOString()), ...values },
        failed: values.incidentId ? `${values.incidentId}-${values.recipient}` : null,
        key: randomUUID(),
        saved: typeof req.query.saved === 'string' ? req.query.saved : null,
        mayNotify: scopeFor(req.user!.roles, 'incident:notify') !== null,
      }),
    );
  }

  /** A Reg 40 notification sent (to Ofsted or the placing authority), from the board's row. */
  @Post('young-people/:id/incidents/:incidentId/notified')
  @Requires('incident:notify', onCase())
  notified(
    @UuidParam('id') id: string,
    @UuidParam('incidentId') incidentId: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    const hub = UUID.test(body.hubId ?? '') ? body.hubId : req.user!.hubs[0];
    const board = `/app/hubs/${hub}/missing`;
    return this.pages.submit(req, res, {
      back: board,
      body: { ...body, incidentId },
      type: RecordNotificationRequest,
      times: { notifiedAt: 'When it was sent' },
      words: NOTIFY_WORDS,
      command: (value, ctx) => RecordNotificationCommand.from(id, incidentId, value, ctx),
      saved: 'notified',
    });
  }
}
