import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EventSourcedCommands, newId, type CommandOutcome, type RequestContext } from '#platform';
import { hubStreamId } from '../hub-placements.events.js';
import { openHub } from './open-hub.decide.js';
import {
  DEFAULT_EMERGENCY_BEDS,
  DEFAULT_PLANNED_BEDS,
  type OpenHubRequest,
} from './open-hub.dto.js';

export class OpenHubCommand extends Command<CommandOutcome & { hubId: string }> {
  constructor(
    readonly request: OpenHubRequest,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}

@CommandHandler(OpenHubCommand)
export class OpenHubHandler implements ICommandHandler<OpenHubCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}

  async execute({ request, ctx }: OpenHubCommand) {
    const hubId = newId(ctx, 'hub');
    const outcome = await this.commands.execute({
      streamId: hubStreamId(hubId),
      decider: openHub,
      command: {
        hubId,
        name: request.name,
        council: request.council,
        plannedBeds: request.plannedBeds ?? DEFAULT_PLANNED_BEDS,
        emergencyBeds: request.emergencyBeds ?? DEFAULT_EMERGENCY_BEDS,
        now: ctx.now,
      },
      ctx,
    });
    return { ...outcome, hubId };
  }
}
