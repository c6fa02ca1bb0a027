import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ProblemException, type CommandOutcome, type RequestContext } from '#platform';
import type { MoveRequest } from './housing-option.dto.js';
import { housingStreamId, optionStreamId } from '../housing.events.js';
import { HousingWriter } from '../housing-writer.js';
import { moveIn, moveOut } from './housing-option.decide.js';
import { changeAccommodation, yearsOn } from '../pathway/housing-pathway.decide.js';

type Outcome<T = object> = CommandOutcome & T;

export class MoveCommand extends Command<Outcome> {
  constructor(
    readonly youngPersonId: string,
    readonly request: MoveRequest,
    readonly ctx: RequestContext,
  ) {
    super();
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
  async execute({ youngPersonId, request: r, ctx }: MoveCommand) {
    if (r.optionId !== undefined && r.accommodation !== undefined) {
      throw new ProblemException(
        400,
        'REQUEST.INVALID',
        'give optionId or accommodation, not both',
        [{ field: 'accommodation', message: 'must be absent when optionId is given' }],
      );
    }
    const c = await this.writer.caseOf(youngPersonId, ctx);
    const previous = await this.writer.currentOption(youngPersonId);
    const moved = r.optionId
      ? await this.writer.commands.execute({
          streamId: optionStreamId(r.optionId),
          decider: moveIn,
          command: {
            optionId: r.optionId,
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
            accommodation: r.accommodation!,
            description: r.description ?? '',
            on: r.on,
            reason: r.reason,
            planned: r.planned,
          },
          ctx,
          step: 'in',
        });
    if (previous && previous !== r.optionId) {
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
