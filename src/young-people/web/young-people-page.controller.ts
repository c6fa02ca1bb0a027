import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { UuidParam } from '#platform';
import {
  Access,
  HtmlDocument,
  LogsAccess,
  Requires,
  scopedList,
  type AccessScope,
  type WebRequest,
} from '../../access/index.js';
import { dateFromInput, WebPages, youngPeopleInPage } from '../../web/index.js';
import { CaseloadCount } from '../caseload/caseload-count.js';
import {
  ATTENTION,
  CASE_OWN_ATTENTION,
  CaseFlags,
  type AttentionKey,
} from '../case-flags/case-flags.js';
import { REFERRAL_CATEGORIES } from '../young-people.events.js';
import {
  CASE_STATUSES,
  FindYoungPeople,
  SORTS,
  type CaseStatus,
  type SortKey,
  type YoungPeopleFilter,
} from '../find-young-people/find-young-people.query.js';
import { listPageView } from './young-people-list.view.js';

const PAGE_SIZE = 25;

type ListQuery = Record<string, string | undefined>;

/** The hub's young people: one list to find anyone the hub has been asked about. */
@ApiExcludeController()
@Controller('app/hubs')
export class YoungPeoplePageController {
  constructor(
    private readonly pages: WebPages,
    private readonly queryBus: QueryBus,
    private readonly caseloads: CaseloadCount,
    private readonly flags: CaseFlags,
  ) {}

  @Get(':hubId/young-people')
  @Requires('case:read', scopedList())
  @LogsAccess('young people list page', youngPeopleInPage)
  async list(
    @UuidParam('hubId') hubId: string,
    @Query() q: ListQuery,
    @Req() req: WebRequest,
    @Access() access: AccessScope,
    @Res({ passthrough: true }) res: Response,
  ) {
    const born = dateFromInput(q, 'born', 'Date of birth');
    const filter: YoungPeopleFilter = {
      status: CASE_STATUSES.includes(q.status as CaseStatus)
        ? (q.status as CaseStatus)
        : 'accepted',
      name: (q.name ?? '').slice(0, 100).trim() || undefined,
      bornOn: born.value,
      workerId: (q.worker ?? '').slice(0, 100) || undefined,
      category: (REFERRAL_CATEGORIES as readonly string[]).includes(q.category ?? '')
        ? q.category
        : undefined,
      sort: q.sort && Object.hasOwn(SORTS, q.sort) ? (q.sort as SortKey) : 'name',
      order: q.order === 'desc' ? 'desc' : 'asc',
      page: /^\d{1,6}$/.test(q.page ?? '') ? Number(q.page) : 1,
      pageSize: PAGE_SIZE,
    };
    const attention = Object.hasOwn(ATTENTION, q.attention ?? '')
      ? (q.attention as AttentionKey)
      : undefined;
    if (attention && CASE_OWN_ATTENTION.includes(attention))
      filter.attention = attention as YoungPeopleFilter['attention'];
    // A flag another capability raises: the young people it names, searched like any others.
    else if (attention) filter.onlyIds = await this.flags.carrying(hubId, attention);
    const found = await this.queryBus.execute(new FindYoungPeople(hubId, filter, access));
    const badges = await this.flags.of(
      hubId,
      found.items.map((p) => p.youngPersonId),
    );
    const workers = access.scope === 'consented' ? [] : await this.caseloads.byWorkerInHub(hubId);
    const errors = born.error ? [born.error] : [];
    if (errors.length) res.status(400);
    return new HtmlDocument(
      '',
      this.pages.page(
        req,
        'young-people.njk',
        listPageView({ hubId, filter, attention, query: q, found, badges, workers, errors }),
      ),
    );
  }
}
