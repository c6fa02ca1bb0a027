import { Injectable, type OnModuleInit } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { AccessScope } from '../../access/index.js';
import {
  TRAY_ENTRIES,
  WorkTray,
  type TraySection,
  type WorkTraySource,
} from '../../young-people/index.js';
import { plural, ukDateTime } from '../../web/index.js';
import { GetMissingBoard } from '../missing-board/missing-board.query.js';
import {
  GetPendingNotifications,
  type PendingNotification,
} from '../notifications/notifications.query.js';

/** Return home interviews due within this many days show in the tray ("this week"). */
const INTERVIEWS_WITHIN_DAYS = 7;

const RECIPIENTS = { ofsted: 'Ofsted', placing_authority: 'the placing authority' } as const;
const nameOf = (p: { givenName: string; familyName: string } | null) =>
  p ? `${p.givenName} ${p.familyName}` : null;
const hours = (n: number) => (n === 0 ? 'less than an hour' : plural(n, 'hour', 'hours'));

/** Outreach's part of the tray: Reg 40 notifications owed, return home interviews due. */
@Injectable()
export class OutreachTraySource implements WorkTraySource, OnModuleInit {
  readonly order = 20;

  constructor(
    private readonly queryBus: QueryBus,
    private readonly tray: WorkTray,
  ) {}

  onModuleInit() {
    this.tray.register(this);
  }

  async sections(hubId: string, _access: AccessScope): Promise<TraySection[]> {
    // Both lists are the hub's own (the route's policy keeps them to a manager of this hub).
    const owed = await this.allOwed(hubId);
    const board = await this.queryBus.execute(new GetMissingBoard(hubId));
    const soon = Date.now() + INTERVIEWS_WITHIN_DAYS * 86_400_000;
    const interviews = board.returnInterviews
      .filter((e) => e.returnInterview && new Date(e.returnInterview.dueBy).getTime() <= soon)
      .sort((a, b) => a.returnInterview!.dueBy.localeCompare(b.returnInterview!.dueBy));
    return [
      {
        key: 'notifications',
        title: 'Reg 40 notifications owed',
        total: owed.length,
        moreHref: `/app/hubs/${hubId}/missing`,
        entries: owed.slice(0, TRAY_ENTRIES).map((n) => ({
          youngPersonId: n.youngPersonId,
          name: nameOf(n.youngPerson),
          detail: `Tell ${RECIPIENTS[n.recipient]} about the ${n.kind.replaceAll('_', ' ')} of ${ukDateTime(n.occurredAt)} (waiting ${hours(n.waitingHours)})`,
          overdue: false,
        })),
      },
      {
        key: 'return-interviews',
        title: 'Return home interviews due this week or overdue',
        total: interviews.length,
        moreHref: `/app/hubs/${hubId}/missing`,
        entries: interviews.slice(0, TRAY_ENTRIES).map((e) => ({
          youngPersonId: e.youngPersonId,
          name: nameOf(e.youngPerson),
          detail: `${e.returnInterview!.overdue ? 'Was to be offered by' : 'Offer by'} ${ukDateTime(e.returnInterview!.dueBy)}`,
          overdue: e.returnInterview!.overdue,
        })),
      },
    ];
  }

  /** Every notification owed, page by page: the tray's count is never cut off. */
  private async allOwed(hubId: string): Promise<PendingNotification[]> {
    const all: PendingNotification[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.queryBus.execute(new GetPendingNotifications(hubId, 500, cursor));
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return all;
  }
}
