import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
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
  FindLooks,
  type AccessScope,
  type WebRequest,
} from '../../access/index.js';
import {
  dateFromInput,
  ukDayAfter,
  ukDayStart,
  WebPages,
  youngPeopleInPage,
} from '../../web/index.js';
import { CaseloadCount } from '../caseload/caseload-count.js';
import {
  ATTENTION,
  CASE_OWN_ATTENTION,
  CaseFlags,
  type AttentionKey,
} from '../case-flags/case-flags.js';
import { HUB_REGISTER, type HubRegister } from '../hub-register.port.js';
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
@Controller('app')
export class YoungPeoplePageController {
  constructor(
    private readonly pages: WebPages,
    private readonly queryBus: QueryBus,
    private readonly caseloads: CaseloadCount,
    private readonly flags: CaseFlags,
    @Inject(HUB_REGISTER) private readonly hubs: HubRegister,
  ) {}

  @Get('hubs/:hubId/young-people')
  @Requires('case:read', scopedList())
  @LogsAccess('young people list page', youngPeopleInPage)
  hubList(
    @UuidParam('hubId') hubId: string,
    @Query() q: ListQuery,
    @Req() req: WebRequest,
    @Access() access: AccessScope,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.list(hubId, q, req, access, res);
  }

  /**
   * Every young person the caller may see, in every hub (an auditor's whole reach), with the
   * same search, and who looked at them when, from the access log.
   */
  @Get('young-people')
  @Requires('case:read', scopedList())
  @LogsAccess('young people list page', youngPeopleInPage)
  everyHub(
    @Query() q: ListQuery,
    @Req() req: WebRequest,
    @Access() access: AccessScope,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.list(null, q, req, access, res);
  }

  private async list(
    hubId: string | null,
    q: ListQuery,
    req: WebRequest,
    access: AccessScope,
    res: Response,
  ) {
    const born = dateFromInput(q, 'born', 'Date of birth');
    const lookedFrom = dateFromInput(q, 'lookedFrom', 'Looked at from');
    const lookedTo = dateFromInput(q, 'lookedTo', 'Looked at until');
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
    const attention =
      hubId && Object.hasOwn(ATTENTION, q.attention ?? '')
        ? (q.attention as AttentionKey)
        : undefined;
    if (attention && CASE_OWN_ATTENTION.includes(attention))
      filter.attention = attention as YoungPeopleFilter['attention'];
    // A flag another capability raises: the young people it names, searched like any others.
    else if (attention && hubId) filter.onlyIds = await this.flags.carrying(hubId, attention);
    // Who looked, when (the access log): an auditor's way in.
    const lookedBy = (q.lookedBy ?? '').slice(0, 100) || undefined;
    const looks = hubId
      ? null
      : await this.queryBus.execute(
          new FindLooks({
            userId: lookedBy,
            from: lookedFrom.value ? ukDayStart(lookedFrom.value) : undefined,
            to: lookedTo.value ? ukDayAfter(lookedTo.value) : undefined,
          }),
        );
    if (looks && (lookedBy || lookedFrom.value || lookedTo.value))
      filter.onlyIds = looks.youngPersonIds;
    const found = await this.queryBus.execute(new FindYoungPeople(hubId, filter, access));
    const badges = await this.flags.ofMany(found.items);
    const hubNames = new Map<string, string>();
    if (!hubId)
      for (const hub of new Set(found.items.map((p) => p.hubId)))
        hubNames.set(hub, (await this.hubs.nameOf(hub)) ?? 'a closed hub');
    const workers =
      access.scope === 'consented' || !hubId ? [] : await this.caseloads.byWorkerInHub(hubId);
    const errors = [born.error, lookedFrom.error, lookedTo.error].filter((e) => e !== undefined);
    if (errors.length) res.status(400);
    return new HtmlDocument(
      '',
      this.pages.page(req, 'young-people.njk', {
        ...listPageView({ hubId, filter, attention, query: q, found, badges, workers, errors }),
        hubNames: Object.fromEntries(hubNames),
        looks: looks
          ? {
              people: [
                { value: '', text: 'Anyone, or no one' },
                ...looks.people.map((p: { id: string; name: string }) => ({
                  value: p.id,
                  text: p.name,
                  selected: p.id === lookedBy,
                })),
              ],
              values: q,
            }
          : null,
      }),
    );
  }
}
