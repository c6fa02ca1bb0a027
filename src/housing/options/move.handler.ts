import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  DecisionCommand,
  ProblemException,
  type CommandOutcome,
  type RequestContext,
} from '#platform';
import type { MoveRequest } from './housing-option.dto.js';
import { housingStreamId, optionStreamId } from '../housing.events.js';
import { HousingWriter } from '../housing-writer.js';
import { moveIn, moveOut } from './housing-option.decide.js';
import {
  changeAccommodation,
  yearsOn,
  type ChangeAccommodation,
} from '../pathway/housing-pathway.decide.js';

type Outcome<T = object> = CommandOutcome & T;

/** Where to: one of the hub's options, or accommodation of another kind. */
type Destination =
  | { optionId: string }
  | { accommodation: ChangeAccommodation['accommodation']; description: string };

/**
 * A move takes two deciders (into the new home, out of the option left), so its input is what
 * both share: who moves, where to, when and why.
 */
export interface MoveInput {
  youngPersonId: string;
  to: Destination;
  on: string;
  reason: string;
  planned: boolean;
}

export class MoveCommand extends DecisionCommand<MoveInput, Outcome> {
  static from(youngPersonId: string, r: MoveRequest, ctx: RequestContext) {
    if (r.optionId !== undefined && r.accommodation !== undefined) {
      throw new ProblemException(
        400,
        'REQUEST.INVALID',
        'give optionId or accommodation, not both',
        [{ field: 'accommodation', message: 'must be absent when optionId is given' }],
      );
    }
    const to: Destination = r.optionId
      ? { optionId: r.optionId }
      : { accommodation: r.accommodation!, description: r.description ?? '' };
    return new MoveCommand(
      { youngPersonId, to, on: r.on, reason: r.reason, planned: r.planned },
      ctx,
    );
  }
}

/**
 * A move: into one of the hub's options (its stream guards the vacancy and the protective rules)
 * or anywhere else (the young person's housing stream); then out of the option they lived in.
 * The new home is appended first, so a refused move leaves everything as it was; a retry with the
 * same Idempotency-Key finishes a move cut short between the two appends.
 */
@CommandHandler(MoveCommand)
export class MoveHandler implements ICommandHandler<MoveCommand> {
  constructor(private readonly writer: HousingWriter) {}
  async execute({ input: r, ctx }: MoveCommand) {
    const { youngPersonId, to } = r;
    const c = await this.writer.caseOf(youngPersonId, ctx);
    const previous = await this.writer.currentOption(youngPersonId);
    const moved =
      'optionId' in to
        ? await this.writer.commands.execute({
            streamId: optionStreamId(to.optionId),
            decider: moveIn,
            command: {
              optionId: to.optionId,
              hubId: c.hubId,
              youngPersonId,
              caseStatus: c.caseStatus,
              caseHubId: c.hubId || null,
              ageOnMove: yearsOn(c.dateOfBirth, r.on),
              on: r.on,
              reason: r.reason,
              planned: r.planned,
            },
            ctx,
            step: 'in',
          })
        : await this.writer.commands.execute({
            streamId: housingStreamId(youngPersonId),
            decider: changeAccommodation,
            command: {
              ...c,
              accommodation: to.accommodation,
              description: to.description,
              on: r.on,
              reason: r.reason,
              planned: r.planned,
            },
            ctx,
            step: 'in',
          });
    if (previous && !('optionId' in to && previous === to.optionId)) {
      await this.writer.commands.execute({
        streamId: optionStreamId(previous),
        decider: moveOut,
        command: {
          optionId: previous,
          hubId: c.hubId,
          youngPersonId,
          on: r.on,
          reason: r.reason,
          planned: r.planned,
        },
        ctx,
        step: 'out',
      });
    }
    return moved;
  }
}
