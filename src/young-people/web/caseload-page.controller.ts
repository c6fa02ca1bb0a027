import { Controller, Get, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { ReadsFrom } from '#platform';
import { HtmlDocument } from '../../access/index.js';
import {
  Access,
  ConsentFilter,
  LogsAccess,
  pageOfCases,
  Requires,
  scopedList,
  type AccessScope,
  type WebRequest,
} from '../../access/index.js';
import { WebPages, youngPeopleInPage } from '../../web/index.js';
import { GetCaseload } from '../caseload/caseload.query.js';

/** The worker's caseload, phone first: the young people they are key worker for. */
@ApiExcludeController()
@Controller('app')
export class CaseloadPageController {
  constructor(
    private readonly pages: WebPages,
    private readonly queryBus: QueryBus,
    private readonly consent: ConsentFilter,
  ) {}

  @Get('caseload')
  @Requires('case:read', scopedList())
  @ReadsFrom('caseloads')
  @LogsAccess('caseload page', youngPeopleInPage)
  async caseload(@Req() req: WebRequest, @Access() access: AccessScope) {
    const { response: page } = await this.consent.keep(
      access,
      await this.queryBus.execute(
        new GetCaseload({ workerId: req.user!.id }, 200, undefined, access),
      ),
      pageOfCases,
    );
    return new HtmlDocument(
      '',
      this.pages.page(req, 'caseload.njk', { title: 'My caseload', cases: page.items }),
    );
  }
}
