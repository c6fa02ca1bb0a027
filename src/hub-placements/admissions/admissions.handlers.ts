import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  DecisionCommand,
  EventSourcedCommands,
  type DecisionInput,
  type RequestContext,
} from '#platform';
import { CASE_FACTS, type CaseFactsSource } from '../../access/index.js';
import {
  returnBedToUse,
  setStayThreshold,
  recordHubRegistration,
  type RecordHubRegistration,
  takeBedOutOfUse,
  type ReturnBedToUse,
  type SetStayThreshold,
  type TakeBedOutOfUse,
} from '../beds/beds.decide.js';
import { hubStreamId } from '../hub-placements.events.js';
import {
  admit,
  discharge,
  moveBed,
  changeLegalStatus,
  type ChangeLegalStatus,
  type Admit,
  type Discharge,
  type MoveBed,
} from './admissions.decide.js';
import {
  episodeOf,
  type AdmitRequest,
  type BedBackInUseRequest,
  type BedOutOfUseRequest,
  type DischargeRequest,
  type MoveBedRequest,
  type LegalStatusRequest,
  type StayThresholdRequest,
  type HubRegistrationRequest,
} from './admissions.dto.js';

export class AdmitCommand extends DecisionCommand<
  DecisionInput<Admit, 'caseStatus' | 'caseHubId'>
> {
  static from(hubId: string, r: AdmitRequest, ctx: RequestContext) {
    return new AdmitCommand(
      {
        hubId,
        youngPersonId: r.youngPersonId,
        bedId: r.bedId ?? null,
        kind: r.kind ?? 'planned',
        from: r.from,
        plannedEnd: r.plannedEnd ?? null,
        episode: episodeOf(r.episode, r.from),
      },
      ctx,
    );
  }
}
export class DischargeCommand extends DecisionCommand<Discharge> {
  static from(hubId: string, youngPersonId: string, r: DischargeRequest, ctx: RequestContext) {
    return new DischargeCommand(
      {
        hubId,
        youngPersonId,
        on: r.on,
        destination: r.destination,
        reason: r.reason,
        rec: r.rec ?? null,
        reasonPlaceChange: r.reasonPlaceChange ?? null,
      },
      ctx,
    );
  }
}
export class MoveBedCommand extends DecisionCommand<MoveBed> {
  static from(hubId: string, youngPersonId: string, r: MoveBedRequest, ctx: RequestContext) {
    return new MoveBedCommand(
      { hubId, youngPersonId, toBedId: r.toBedId, on: r.on, reason: r.reason },
      ctx,
    );
  }
}
export class LegalStatusCommand extends DecisionCommand<ChangeLegalStatus> {
  static from(hubId: string, youngPersonId: string, r: LegalStatusRequest, ctx: RequestContext) {
    return new LegalStatusCommand({ hubId, youngPersonId, on: r.on, ls: r.ls }, ctx);
  }
}

@CommandHandler(LegalStatusCommand)
export class LegalStatusHandler implements ICommandHandler<LegalStatusCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}
  execute({ input, ctx }: LegalStatusCommand) {
    return this.commands.execute({
      streamId: hubStreamId(input.hubId),
      decider: changeLegalStatus,
      command: input,
      ctx,
    });
  }
}

export class BedOutOfUseCommand extends DecisionCommand<TakeBedOutOfUse> {
  static from(hubId: string, bedId: string, r: BedOutOfUseRequest, ctx: RequestContext) {
    return new BedOutOfUseCommand({ hubId, bedId, reason: r.reason, from: r.from }, ctx);
  }
}
export class BedBackInUseCommand extends DecisionCommand<ReturnBedToUse> {
  static from(hubId: string, bedId: string, r: BedBackInUseRequest, ctx: RequestContext) {
    return new BedBackInUseCommand({ hubId, bedId, on: r.on }, ctx);
  }
}
export class HubRegistrationCommand extends DecisionCommand<DecisionInput<RecordHubRegistration>> {
  static from(hubId: string, r: HubRegistrationRequest, ctx: RequestContext) {
    return new HubRegistrationCommand({ hubId, laCode: r.laCode, ofstedUrn: r.ofstedUrn }, ctx);
  }
}

@CommandHandler(HubRegistrationCommand)
export class HubRegistrationHandler implements ICommandHandler<HubRegistrationCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}
  execute({ input, ctx }: HubRegistrationCommand) {
    return this.commands.execute({
      streamId: hubStreamId(input.hubId),
      decider: recordHubRegistration,
      command: { ...input, now: ctx.now },
      ctx,
    });
  }
}

export class StayThresholdCommand extends DecisionCommand<DecisionInput<SetStayThreshold>> {
  static from(hubId: string, r: StayThresholdRequest, ctx: RequestContext) {
    return new StayThresholdCommand({ hubId, weeks: r.weeks }, ctx);
  }
}

/**
 * Admission decides on the hub's stream alone, at the revision it read: of two managers admitting
 * to the last bed at once, one append wins and the other is decided again, on the new state, and
 * refused. There is no second stream to fall out of step with after a crash.
 */
@CommandHandler(AdmitCommand)
export class AdmitHandler implements ICommandHandler<AdmitCommand> {
  constructor(
    private readonly commands: EventSourcedCommands,
    @Inject(CASE_FACTS) private readonly facts: CaseFactsSource,
  ) {}

  async execute({ input, ctx }: AdmitCommand) {
    const youngPerson = await this.facts.find(input.youngPersonId);
    return this.commands.execute({
      streamId: hubStreamId(input.hubId),
      decider: admit,
      command: {
        ...input,
        caseStatus: youngPerson?.status ?? 'none',
        caseHubId: youngPerson?.hubId ?? null,
      },
      ctx,
    });
  }
}

@CommandHandler(DischargeCommand)
export class DischargeHandler implements ICommandHandler<DischargeCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}
  execute({ input, ctx }: DischargeCommand) {
    return this.commands.execute({
      streamId: hubStreamId(input.hubId),
      decider: discharge,
      command: input,
      ctx,
    });
  }
}

/** A move between two beds of one hub decides on the hub's stream, as admission does. */
@CommandHandler(MoveBedCommand)
export class MoveBedHandler implements ICommandHandler<MoveBedCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}
  execute({ input, ctx }: MoveBedCommand) {
    return this.commands.execute({
      streamId: hubStreamId(input.hubId),
      decider: moveBed,
      command: input,
      ctx,
    });
  }
}

@CommandHandler(BedOutOfUseCommand)
export class BedOutOfUseHandler implements ICommandHandler<BedOutOfUseCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}
  execute({ input, ctx }: BedOutOfUseCommand) {
    return this.commands.execute({
      streamId: hubStreamId(input.hubId),
      decider: takeBedOutOfUse,
      command: input,
      ctx,
    });
  }
}

@CommandHandler(BedBackInUseCommand)
export class BedBackInUseHandler implements ICommandHandler<BedBackInUseCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}
  execute({ input, ctx }: BedBackInUseCommand) {
    return this.commands.execute({
      streamId: hubStreamId(input.hubId),
      decider: returnBedToUse,
      command: input,
      ctx,
    });
  }
}

@CommandHandler(StayThresholdCommand)
export class StayThresholdHandler implements ICommandHandler<StayThresholdCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}
  execute({ input, ctx }: StayThresholdCommand) {
    return this.commands.execute({
      streamId: hubStreamId(input.hubId),
      decider: setStayThreshold,
      command: { ...input, now: ctx.now },
      ctx,
    });
  }
}

export const admissionHandlers = [
  AdmitHandler,
  DischargeHandler,
  MoveBedHandler,
  LegalStatusHandler,
  BedOutOfUseHandler,
  BedBackInUseHandler,
  StayThresholdHandler,
  HubRegistrationHandler,
];
