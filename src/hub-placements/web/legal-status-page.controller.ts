import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { UuidParam } from '#platform';
import { codeOptions, CODE_WORDS } from '#ssda903';
import {
  HtmlDocument,
  LogsAccess,
  onHubParam,
  Requires,
  type WebRequest,
} from '../../access/index.js';
import { ukDate, WebPages, youngPeopleInPage, type FormWords } from '../../web/index.js';
import { LegalStatusRequest } from '../admissions/admissions.dto.js';
import { LegalStatusCommand } from '../admissions/admissions.handlers.js';
import { BoardBeds } from './board-beds.js';
import { HubDirectory } from '../hub-directory.js';

const WORDS: FormWords = {
  ls: { label: 'the new legal status', rules: { required: 'Select the new legal status' } },
  on: { label: 'the day it changed' },
};

/**
 * A young person's legal status changes while they stay in a bed (a care order is made): the
 * stay goes on, and the SSDA903 return begins a new episode that day.
 */
@ApiExcludeController()
@Controller('app/hubs')
export class LegalStatusPageController {
  constructor(
    private readonly pages: WebPages,
    private readonly beds: BoardBeds,
    private readonly hubs: HubDirectory,
  ) {}

  @Get(':hubId/beds/:bedId/legal-status')
  @Requires('placement:write', onHubParam())
  @LogsAccess('legal status page', youngPeopleInPage)
  async show(
    @UuidParam('hubId') hubId: string,
    @Param('bedId') bedId: string,
    @Req() req: WebRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { bed, occupant } = await this.beds.occupied(hubId, bedId);
    const hub = await this.hubs.find(hubId);
    const now =
      hub.status === 'open'
        ? (hub.beds.find((b) => b.bedId === bedId)?.occupant?.episode.ls ?? null)
        : null;
    const { errors, values } = this.pages.takeFlash(req, res);
    if (errors.length) res.status(400);
    return new HtmlDocument(
      '',
      this.pages.page(req, 'bed-legal-status.njk', {
        title: `${occupant.name ?? 'Someone'}: legal status`,
        hubId,
        bed,
        since: ukDate(occupant.since),
        current: now ? `${now}: ${CODE_WORDS.LS?.[now] ?? now}` : null,
        errors,
        values,
        key: randomUUID(),
        statuses: [
          { value: '', text: 'Select' },
          ...codeOptions('LS')
            .filter((o) => o.value !== now)
            .map((o) => ({ ...o, selected: values.ls === o.value })),
        ],
      }),
    );
  }

  @Post(':hubId/beds/:bedId/legal-status')
  @Requires('placement:write', onHubParam())
  async change(
    @UuidParam('hubId') hubId: string,
    @Param('bedId') bedId: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    const { occupant } = await this.beds.occupied(hubId, bedId);
    return this.pages.submit(req, res, {
      back: `/app/hubs/${hubId}/beds/${bedId}/legal-status`,
      next: `/app/hubs/${hubId}/beds`,
      body,
      type: LegalStatusRequest,
      dates: { on: 'The day it changed' },
      words: WORDS,
      command: (value, ctx) => LegalStatusCommand.from(hubId, occupant.youngPersonId, value, ctx),
      saved: 'legal-status',
    });
  }
}
