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
  type AccessScope,
  type WebRequest,
  Requires,
} from '../../access/index.js';
import { WebPages, youngPeopleInPage } from '../../web/index.js';
import { ListHousingOptions } from '../../housing/index.js';
import { bedBoardRows, GetBedBoard } from '../bed-board/bed-board.query.js';
import { ListCommunityFamilies } from '../community-families/community-families.query.js';

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
  @LogsAccess('bed board page', youngPeopleInPage)
  async beds(
    @UuidParam('hubId') hubId: string,
    @Req() req: WebRequest,
    @Access() access: AccessScope,
  ) {
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
        board,
        families: families.items,
        housing: housing.options,
      }),
    );
  }
}
