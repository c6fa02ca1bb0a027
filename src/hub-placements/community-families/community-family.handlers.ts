import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  DecisionCommand,
  EventSourcedCommands,
  newId,
  type CommandOutcome,
  type DecisionInput,
  type RequestContext,
} from '#platform';
import { ageOn } from '#kernel';
import { CASE_FACTS, type CaseFactsSource } from '../../access/index.js';
import { episodeOf } from '../admissions/admissions.dto.js';
import type { LegalStatusRequest } from '../admissions/admissions.dto.js';
import {
  changeFamilyLegalStatus,
  endFamilyPlacement,
  placeWithFamily,
  registerFamily,
  type ChangeFamilyLegalStatus,
  type EndFamilyPlacement,
  type PlaceWithFamily,
  type RegisterFamily,
} from './community-family.decide.js';
import type {
  EndFamilyPlacementRequest,
  PlaceWithFamilyRequest,
  RegisterFamilyRequest,
} from './community-family.dto.js';
import { familyStreamId } from './community-family.events.js';

export class RegisterFamilyCommand extends DecisionCommand<
  DecisionInput<RegisterFamily>,
  CommandOutcome & { familyId: string }
> {
  static from(hubId: string, r: RegisterFamilyRequest, ctx: RequestContext) {
    return new RegisterFamilyCommand(
      {
        familyId: newId(ctx, 'community-family'),
        hubId,
        name: r.name,
        approvedOn: r.approvedOn,
        capacity: r.capacity,
        ageRange: { min: r.ageRange.min, max: r.ageRange.max },
      },
      ctx,
    );
  }
}

export class PlaceWithFamilyCommand extends DecisionCommand<
  DecisionInput<PlaceWithFamily, 'caseStatus' | 'caseHubId' | 'ageOnStart'>
> {
  static from(hubId: string, familyId: string, r: PlaceWithFamilyRequest, ctx: RequestContext) {
    return new PlaceWithFamilyCommand(
      {
        familyId,
        hubId,
        youngPersonId: r.youngPersonId,
        from: r.from,
        episode: episodeOf(r.episode, r.from),
      },
      ctx,
    );
  }
}

export class EndFamilyPlacementCommand extends DecisionCommand<EndFamilyPlacement> {
  static from(
    hubId: string,
    familyId: string,
    youngPersonId: string,
    r: EndFamilyPlacementRequest,
    ctx: RequestContext,
  ) {
    return new EndFamilyPlacementCommand(
      {
        familyId,
        hubId,
        youngPersonId,
        on: r.on,
        reason: r.reason,
        rec: r.rec ?? null,
        reasonPlaceChange: r.reasonPlaceChange ?? null,
      },
      ctx,
    );
  }
}

@CommandHandler(RegisterFamilyCommand)
export class RegisterFamilyHandler implements ICommandHandler<RegisterFamilyCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}
  async execute({ input, ctx }: RegisterFamilyCommand) {
    const outcome = await this.commands.execute({
      streamId: familyStreamId(input.familyId),
      decider: registerFamily,
      command: { ...input, now: ctx.now },
      ctx,
    });
    return { ...outcome, familyId: input.familyId };
  }
}

/** The family's stream guards its vacancies: two placements into the last place, one succeeds. */
@CommandHandler(PlaceWithFamilyCommand)
export class PlaceWithFamilyHandler implements ICommandHandler<PlaceWithFamilyCommand> {
  constructor(
    private readonly commands: EventSourcedCommands,
    @Inject(CASE_FACTS) private readonly facts: CaseFactsSource,
  ) {}
  async execute({ input, ctx }: PlaceWithFamilyCommand) {
    const youngPerson = await this.facts.find(input.youngPersonId);
    return this.commands.execute({
      streamId: familyStreamId(input.familyId),
      decider: placeWithFamily,
      command: {
        ...input,
        caseStatus: youngPerson?.status ?? 'none',
        caseHubId: youngPerson?.hubId ?? null,
        ageOnStart: youngPerson ? ageOn(youngPerson.dateOfBirth, input.from) : -1,
      },
      ctx,
    });
  }
}

@CommandHandler(EndFamilyPlacementCommand)
export class EndFamilyPlacementHandler implements ICommandHandler<EndFamilyPlacementCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}
  execute({ input, ctx }: EndFamilyPlacementCommand) {
    return this.commands.execute({
      streamId: familyStreamId(input.familyId),
      decider: endFamilyPlacement,
      command: input,
      ctx,
    });
  }
}

export class FamilyLegalStatusCommand extends DecisionCommand<ChangeFamilyLegalStatus> {
  static from(
    hubId: string,
    familyId: string,
    youngPersonId: string,
    r: LegalStatusRequest,
    ctx: RequestContext,
  ) {
    return new FamilyLegalStatusCommand(
      { familyId, hubId, youngPersonId, on: r.on, ls: r.ls },
      ctx,
    );
  }
}

@CommandHandler(FamilyLegalStatusCommand)
export class FamilyLegalStatusHandler implements ICommandHandler<FamilyLegalStatusCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}
  execute({ input, ctx }: FamilyLegalStatusCommand) {
    return this.commands.execute({
      streamId: familyStreamId(input.familyId),
      decider: changeFamilyLegalStatus,
      command: input,
      ctx,
    });
  }
}

export const communityFamilyHandlers = [
  RegisterFamilyHandler,
  PlaceWithFamilyHandler,
  EndFamilyPlacementHandler,
  FamilyLegalStatusHandler,
];
