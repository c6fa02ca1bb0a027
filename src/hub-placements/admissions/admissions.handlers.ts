import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CURRENT_COLLECTION_YEAR } from '#ssda903';
import { EventSourcedCommands, type CommandOutcome, type RequestContext } from '#platform';
import { CASE_FACTS, type CaseFactsSource } from '../../access/index.js';
import { returnBedToUse, setStayThreshold, takeBedOutOfUse } from '../beds/beds.decide.js';
import { hubStreamId } from '../hub-placements.events.js';
import { admit, discharge } from './admissions.decide.js';
import type {
  AdmitRequest,
  BedBackInUseRequest,
  BedOutOfUseRequest,
  DischargeRequest,
  StayThresholdRequest,
} from './admissions.dto.js';

abstract class HubCommand<R> extends Command<CommandOutcome> {
  constructor(
    readonly hubId: string,
    readonly request: R,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}

export class AdmitCommand extends HubCommand<AdmitRequest> {}
export class DischargeCommand extends HubCommand<DischargeRequest & { youngPersonId: string }> {}
export class BedOutOfUseCommand extends HubCommand<BedOutOfUseRequest & { bedId: string }> {}
export class BedBackInUseCommand extends HubCommand<BedBackInUseRequest & { bedId: string }> {}
export class StayThresholdCommand extends HubCommand<StayThresholdRequest> {}

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

  async execute({ hubId, request, ctx }: AdmitCommand) {
    const youngPerson = await this.facts.find(request.youngPersonId);
    return this.commands.execute({
      streamId: hubStreamId(hubId),
      decider: admit,
      command: {
        hubId,
        youngPersonId: request.youngPersonId,
        caseStatus: youngPerson?.status ?? 'none',
        caseHubId: youngPerson?.hubId ?? null,
        bedId: request.bedId ?? null,
        kind: request.kind ?? 'planned',
        from: request.from,
        plannedEnd: request.plannedEnd ?? null,
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

@CommandHandler(DischargeCommand)
export class DischargeHandler implements ICommandHandler<DischargeCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}
  execute({ hubId, request, ctx }: DischargeCommand) {
    return this.commands.execute({
      streamId: hubStreamId(hubId),
      decider: discharge,
      command: {
        hubId,
        youngPersonId: request.youngPersonId,
        on: request.on,
        destination: request.destination,
        reason: request.reason,
        rec: request.rec ?? null,
        reasonPlaceChange: request.reasonPlaceChange ?? null,
      },
      ctx,
    });
  }
}

@CommandHandler(BedOutOfUseCommand)
export class BedOutOfUseHandler implements ICommandHandler<BedOutOfUseCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}
  execute({ hubId, request, ctx }: BedOutOfUseCommand) {
    return this.commands.execute({
      streamId: hubStreamId(hubId),
      decider: takeBedOutOfUse,
      command: { hubId, ...request },
      ctx,
    });
  }
}

@CommandHandler(BedBackInUseCommand)
export class BedBackInUseHandler implements ICommandHandler<BedBackInUseCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}
  execute({ hubId, request, ctx }: BedBackInUseCommand) {
    return this.commands.execute({
      streamId: hubStreamId(hubId),
      decider: returnBedToUse,
      command: { hubId, ...request },
      ctx,
    });
  }
}

@CommandHandler(StayThresholdCommand)
export class StayThresholdHandler implements ICommandHandler<StayThresholdCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}
  execute({ hubId, request, ctx }: StayThresholdCommand) {
    return this.commands.execute({
      streamId: hubStreamId(hubId),
      decider: setStayThreshold,
      command: { hubId, weeks: request.weeks, now: ctx.now },
      ctx,
    });
  }
}

export const admissionHandlers = [
  AdmitHandler,
  DischargeHandler,
  BedOutOfUseHandler,
  BedBackInUseHandler,
  StayThresholdHandler,
];
