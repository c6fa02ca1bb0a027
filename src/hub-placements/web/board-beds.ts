import { Injectable, NotFoundException } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { BED_ID_PATTERN } from '../admissions/admissions.dto.js';
import { GetBedBoard, type BedBoard } from '../bed-board/bed-board.query.js';

/** A bed of a hub as the bed board shows it, for the pages of one bed (404 when there is none). */
@Injectable()
export class BoardBeds {
  constructor(private readonly queryBus: QueryBus) {}

  async find(hubId: string, bedId: string) {
    if (!BED_ID_PATTERN.test(bedId)) throw new NotFoundException();
    const board: BedBoard = await this.queryBus.execute(new GetBedBoard(hubId));
    const bed = board.beds.find((b) => b.bedId === bedId);
    if (!bed) throw new NotFoundException();
    return { board, bed };
  }

  /** The bed and who is in it; 404 when it is empty. */
  async occupied(hubId: string, bedId: string) {
    const { board, bed } = await this.find(hubId, bedId);
    if (!bed.occupant) throw new NotFoundException();
    return { board, bed, occupant: bed.occupant };
  }
}
