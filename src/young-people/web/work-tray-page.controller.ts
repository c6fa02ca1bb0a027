import { Controller, Get, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { UuidParam } from '#platform';
import {
  Access,
  HtmlDocument,
  LogsAccess,
  onHubParam,
  Requires,
  type AccessScope,
  type WebRequest,
} from '../../access/index.js';
import { plural, setNavBadge, WebPages, youngPeopleInPage } from '../../web/index.js';
import { workTrayPath } from '../work-tray/work-tray-badge.interceptor.js';
import { trayTotal, WorkTray } from '../work-tray/work-tray.js';

/** A hub manager's work tray: what needs doing now, from every capability that owns work. */
@ApiExcludeController()
@Controller('app/hubs')
export class WorkTrayPageController {
  constructor(
    private readonly pages: WebPages,
    private readonly tray: WorkTray,
  ) {}

  @Get(':hubId/work')
  @Requires('case:decide', onHubParam())
  @LogsAccess('work tray page', youngPeopleInPage)
  async work(
    @UuidParam('hubId') hubId: string,
    @Req() req: WebRequest,
    @Access() access: AccessScope,
  ) {
    const sections = await this.tray.sections(hubId, access);
    const total = trayTotal(sections);
    setNavBadge(req, workTrayPath(hubId), total);
    return new HtmlDocument(
      '',
      this.pages.page(req, 'work.njk', {
        title: 'Work to do',
        summary:
          total === 0
            ? 'Nothing needs doing now.'
            : plural(total, 'thing needs', 'things need') + ' doing.',
        sections: sections.map((s) => ({
          ...s,
          heading: `${s.title} (${s.total})`,
          more:
            s.total > s.entries.length && s.moreHref
              ? { href: s.moreHref, text: `All ${s.total}` }
              : null,
        })),
      }),
    );
  }
}
