import { randomUUID } from 'node:crypto';
import { Controller, Get, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { ReadsFrom, UuidParam } from '#platform';
import { HtmlDocument } from '../../access/index.js';
import {
  Access,
  ConsentFilter,
  LogsAccess,
  onHubParam,
  type AccessScope,
  type WebRequest,
  Requires,
  scopeFor,
} from '../../access/index.js';
import { ukNowLocal, WebPages, youngPeopleInPage } from '../../web/index.js';
import { ListHousingOptions } from '../../housing/index.js';
import { bedBoardRows, GetBedBoard } from '../bed-board/bed-board.query.js';
import { ListCommunityFamilies } from '../community-families/community-families.query.js';

/** Today in the UK as a date input's fields, for the one-click "from today" bed forms. */
function todayFields() {
  const [year, month, day] = ukNowLocal().slice(0, 10).split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}

/** The hub manager's bed board: the hub's beds, its community families and housing options. */
@ApiExcludeController()
@Controller('app')
export class BedsPageController {
  constructor(
    private readonly pages: WebPages,
    private readonly queryBus: QueryBus,
    private readonly consent: ConsentFilter,
  ) {}

  @Get('hubs/:hubId/beds')
  @Requires('placement:read', onHubParam())
  @ReadsFrom('bed_board', 'community_families', 'housing_options')
  @LogsAccess('bed board page', youngPeopleInPage)
  async beds(
    @UuidParam('hubId') hubId: string,
    @Req() req: WebRequest,
    @Access() access: AccessScope,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { errors, values } = this.pages.takeFlash(req, res);
    if (errors.length) res.status(400);
    const { response: board } = await this.consent.keep(
      access,
      await this.queryBus.execute(new GetBedBoard(hubId)),
      bedBoardRows,
    );
    const families = await this.queryBus.execute(new ListCommunityFamilies(hubId, 100, undefined));
    const housing = await this.queryBus.execute(new ListHousingOptions(hubId));
    return new HtmlDocument(
      '',
      this.pages.page(req, 'beds.njk', {
        title: 'Beds and housing',
        hubId,
        board,
        errors,
        values,
        key: randomUUID(),
        saved: typeof req.query.saved === 'string' ? req.query.saved : null,
        mayChange: scopeFor(req.user!.roles, 'placement:write') !== null,
        today: todayFields(),
        // A stay past its planned end is marked as well as one past the threshold.
        todayIso: ukNowLocal().slice(0, 10),
        families: families.items,
        housing: housing.options,
      }),
    );
  }
}
