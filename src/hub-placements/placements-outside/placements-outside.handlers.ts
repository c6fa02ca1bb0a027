import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '#kernel';
import { DecisionCommand, EventSourcedCommands, type RequestContext } from '#platform';
import { CASE_FACTS, type CaseFactsSource } from '../../access/index.js';
import { episodeOf } from '../admissions/admissions.dto.js';
import type { EndOutsideRequest, PlacementOutsideRequest } from './placements-outside.dto.js';
import {
  endPlacementOutside,
  recordPlacementOutside,
  type EndPlacementOutside,
  type RecordPlacementOutside,
} from './placements-outside.decide.js';
import { placementsOutsideStreamId } from './placements-outside.events.js';

type WithoutCase<C> = Omit<C, 'hubId' | 'now'>;

export class RecordPlacementOutsideCommand extends DecisionCommand<
  WithoutCase<RecordPlacementOutside>
> {
  static from(youngPersonId: string, r: PlacementOutsideRequest, ctx: RequestContext) {
    return new RecordPlacementOutsideCommand(
      {
        placementId: randomUUID(),
        youngPersonId,
        description: r.description,
        from: r.from,
        end: r.end
          ? { on: r.end.on, rec: r.end.rec, reasonPlaceChange: r.end.reasonPlaceChange ?? null }
          : null,
        episode: episodeOf(r.episode, r.from),
        urn: r.urn ?? null,
      },
      ctx,
    );
  }
}

export class EndPlacementOutsideCommand extends DecisionCommand<WithoutCase<EndPlacementOutside>> {
  static from(
    youngPersonId: string,
    placementId: string,
    r: EndOutsideRequest,
    ctx: RequestContext,
  ) {
    return new EndPlacementOutsideCommand(
      {
        placementId,
        youngPersonId,
        on: r.on,
        rec: r.rec,
        reasonPlaceChange: r.reasonPlaceChange ?? null,
      },
      ctx,
    );
  }
}

/** The case's hub, which every placement outside it still belongs to. */
async function hubOf(facts: CaseFactsSource, youngPersonId: string, ctx: RequestContext) {
  const f = await facts.find(youngPersonId, ctx.memo);
  if (!f) throw new DomainError('YOUNG_PERSON.NOT_FOUND', `no young person ${youngPersonId}`, 404);
  return f.hubId;
}

@CommandHandler(RecordPlacementOutsideCommand)
export class RecordPlacementOutsideHandler implements ICommandHandler<RecordPlacementOutsideCommand> {
  constructor(
    private readonly commands: EventSourcedCommands,
    @Inject(CASE_FACTS) private readonly facts: CaseFactsSource,
  ) {}
  async execute({ input, ctx }: RecordPlacementOutsideCommand) {
    const hubId = await hubOf(this.facts, input.youngPersonId, ctx);
    return this.commands.execute({
      streamId: placementsOutsideStreamId(input.youngPersonId),
      decider: recordPlacementOutside,
      command: { ...input, hubId, now: ctx.now },
      ctx,
    });
  }
}

@CommandHandler(EndPlacementOutsideCommand)
export class EndPlacementOutsideHandler implements ICommandHandler<EndPlacementOutsideCommand> {
  constructor(
    private readonly commands: EventSourcedCommands,
    @Inject(CASE_FACTS) private readonly facts: CaseFactsSource,
  ) {}
  async execute({ input, ctx }: EndPlacementOutsideCommand) {
    const hubId = await hubOf(this.facts, input.youngPersonId, ctx);
    return this.commands.execute({
      streamId: placementsOutsideStreamId(input.youngPersonId),
      decider: endPlacementOutside,
      command: { ...input, hubId },
      ctx,
    });
  }
}

export const placementsOutsideHandlers = [
  RecordPlacementOutsideHandler,
  EndPlacementOutsideHandler,
];
