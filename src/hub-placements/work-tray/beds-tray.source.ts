import { Injectable, type OnModuleInit } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { AccessScope } from '../../access/index.js';
import {
  TRAY_ENTRIES,
  WorkTray,
  type TraySection,
  type WorkTraySource,
} from '../../young-people/index.js';
import { plural } from '../../web/index.js';
import { GetBedBoard } from '../bed-board/bed-board.query.js';

const days = (n: number) => plural(n, 'day', 'days');
const weeks = (n: number) => plural(n, 'week', 'weeks');

/** The beds' part of the tray: stays past the hub's threshold, the longest first. */
@Injectable()
export class BedsTraySource implements WorkTraySource, OnModuleInit {
  readonly order = 30;

  constructor(
    private readonly queryBus: QueryBus,
    private readonly tray: WorkTray,
  ) {}

  onModuleInit() {
    this.tray.register(this);
  }

  async sections(hubId: string, _access: AccessScope): Promise<TraySection[]> {
    const board = await this.queryBus.execute(new GetBedBoard(hubId));
    const long = board.beds
      .flatMap((bed) =>
        bed.occupant && bed.occupant.daysOverThreshold > 0 ? [{ bed, occupant: bed.occupant }] : [],
      )
      .sort((a, b) => b.occupant.daysOverThreshold - a.occupant.daysOverThreshold);
    return [
      {
        key: 'long-stays',
        title: `Stays past the hub’s ${weeks(board.stayThresholdWeeks)}`,
        total: long.length,
        moreHref: `/app/hubs/${hubId}/beds`,
        entries: long.slice(0, TRAY_ENTRIES).map(({ bed, occupant }) => ({
          youngPersonId: occupant.youngPersonId,
          name: occupant.name,
          detail: `In ${bed.name} for ${days(occupant.daysInBed)}, ${days(occupant.daysOverThreshold)} past the threshold`,
          overdue: true,
        })),
      },
    ];
  }
}
