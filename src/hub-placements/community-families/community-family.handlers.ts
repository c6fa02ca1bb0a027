import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CURRENT_COLLECTION_YEAR } from '#ssda903';
import { EventSourcedCommands, newId, type CommandOutcome, type RequestContext } from '#platform';
import { ageOn } from '#kernel';
import { CASE_FACTS, type CaseFactsSource } from '../../access/index.js';
import { endFamilyPlacement, placeWithFamily, registerFamily } from './community-family.decide.js';
import type {
  EndFamilyPlacementRequest,
  PlaceWithFamilyRequest,
  RegisterFamilyRequest,
} from './community-family.dto.js';
import { familyStreamId } from './community-family.events.js';

export class RegisterFamilyCommand extends Command<CommandOutcome & { familyId: string }> {
  constructor(
    readonly hubId: string,
    readonly request: RegisterFamilyRequest,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}

export class PlaceWithFamilyCommand extends Command<CommandOutcome> {
  constructor(
    readonly hubId: string,
    readonly familyId: string,
    readonly request: PlaceWithFamilyRequest,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}

export class EndFamilyPlacementCommand extends Command<CommandOutcome> {
  constructor(
    readonly hubId: string,
    readonly familyId: string,
    readonly youngPersonId: string,
    readonly request: EndFamilyPlacementRequest,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}

@CommandHandler(RegisterFamilyCommand)
export class RegisterFamilyHandler implements ICommandHandler<RegisterFamilyCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}
  async execute({ hubId, request, ctx }: RegisterFamilyCommand) {
    const familyId = newId(ctx, 'community-family');
    const outcome = await this.commands.execute({
      streamId: familyStreamId(familyId),
      decider: registerFamily,
      command: { familyId, hubId, ...request, ageRange: { ...request.ageRange }, now: ctx.now },
      ctx,
    });
    return { ...outcome, familyId };
  }
}

/** The family's stream guards its vacancies: two placements into the last place, one succeeds. */
@CommandHandler(PlaceWithFamilyCommand)
export class PlaceWithFamilyHandler implements ICommandHandler<PlaceWithFamilyCommand> {
  constructor(
    private readonly commands: EventSourcedCommands,
    @Inject(CASE_FACTS) private readonly facts: CaseFactsSource,
  ) {}
  async execute({ hubId, familyId, request, ctx }: PlaceWithFamilyCommand) {
    const youngPerson = await this.facts.find(request.youngPersonId);
    return this.commands.execute({
      streamId: familyStreamId(familyId),
      decider: placeWithFamily,
      command: {
        familyId,
        hubId,
        youngPersonId: request.youngPersonId,
        caseStatus: youngPerson?.status ?? 'none',
        caseHubId: youngPerson?.hubId ?? null,
        ageOnStart: youngPerson ? ageOn(youngPerson.dateOfBirth, request.from) : -1,
        from: request.from,
        episode: {
          collectionYear: CURRENT_COLLECTION_YEAR,
          rne: request.episode.rne,
          ls: request.episode.ls,
          place: request.episode.place,
          placeProvider: request.episode.placeProvider ?? null,
          reasonPlaceChange: request.episode.reasonPlaceChange ?? null,
          postcode: request.episode.postcode,
          outOfArea: request.episode.outOfArea,
        },
      },
      ctx,
    });
  }
}

@CommandHandler(EndFamilyPlacementCommand)
export class EndFamilyPlacementHandler implements ICommandHandler<EndFamilyPlacementCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}
  execute({ hubId, familyId, youngPersonId, request, ctx }: EndFamilyPlacementCommand) {
    return this.commands.execute({
      streamId: familyStreamId(familyId),
      decider: endFamilyPlacement,
      command: {
        familyId,
        hubId,
        youngPersonId,
        on: request.on,
        reason: request.reason,
        rec: request.rec ?? null,
        reasonPlaceChange: request.reasonPlaceChange ?? null,
      },
      ctx,
    });
  }
}

export const communityFamilyHandlers = [
  RegisterFamilyHandler,
  PlaceWithFamilyHandler,
  EndFamilyPlacementHandler,
];
