import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  DecisionCommand,
  EventSourcedCommands,
  newId,
  type CommandOutcome,
  type DecisionInput,
  type RequestContext,
} from '#platform';
import { hubStreamId } from '../hub-placements.events.js';
import { openHub, type OpenHub } from './open-hub.decide.js';
import {
  DEFAULT_EMERGENCY_BEDS,
  DEFAULT_PLANNED_BEDS,
  type OpenHubRequest,
} from './open-hub.dto.js';

export class OpenHubCommand extends DecisionCommand<
  DecisionInput<OpenHub>,
  CommandOutcome & { hubId: string }
> {
  static from(r: OpenHubRequest, ctx: RequestContext) {
    return new OpenHubCommand(
      {
        hubId: newId(ctx, 'hub'),
        name: r.name,
        council: r.council,
        plannedBeds: r.plannedBeds ?? DEFAULT_PLANNED_BEDS,
        emergencyBeds: r.emergencyBeds ?? DEFAULT_EMERGENCY_BEDS,
      },
      ctx,
    );
  }
}

@CommandHandler(OpenHubCommand)
export class OpenHubHandler implements ICommandHandler<OpenHubCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}

  async execute({ input, ctx }: OpenHubCommand) {
    const outcome = await this.commands.execute({
      streamId: hubStreamId(input.hubId),
      decider: openHub,
      command: { ...input, now: ctx.now },
      ctx,
    });
    return { ...outcome, hubId: input.hubId };
  }
}
