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
import { HubDirectory } from '../hub-directory.js';
import {
  addStaffMember,
  endStaffMember,
  type AddStaffMember,
  type EndStaffMember,
} from './staff.decide.js';
import type { AddStaffRequest, EndStaffRequest } from './staff.dto.js';
import { staffStreamId } from './staff.events.js';

export class AddStaffCommand extends DecisionCommand<
  DecisionInput<AddStaffMember, 'hubOpen'>,
  CommandOutcome & { staffId: string }
> {
  static from(hubId: string, r: AddStaffRequest, ctx: RequestContext) {
    return new AddStaffCommand(
      {
        hubId,
        staffId: newId(ctx, 'staff-member'),
        name: r.name,
        role: r.role,
        signIn: r.signIn,
        from: r.from,
      },
      ctx,
    );
  }
}

export class EndStaffCommand extends DecisionCommand<DecisionInput<EndStaffMember>> {
  static from(hubId: string, staffId: string, r: EndStaffRequest, ctx: RequestContext) {
    return new EndStaffCommand({ hubId, staffId, on: r.on, reason: r.reason }, ctx);
  }
}

@CommandHandler(AddStaffCommand)
export class AddStaffHandler implements ICommandHandler<AddStaffCommand> {
  constructor(
    private readonly commands: EventSourcedCommands,
    @Inject(HubDirectory) private readonly hubs: HubDirectory,
  ) {}
  async execute({ input, ctx }: AddStaffCommand) {
    const hubOpen = (await this.hubs.statusOf(input.hubId)) === 'open';
    const outcome = await this.commands.execute({
      streamId: staffStreamId(input.hubId),
      decider: addStaffMember,
      command: { ...input, hubOpen, now: ctx.now },
      ctx,
    });
    return { ...outcome, staffId: input.staffId };
  }
}

@CommandHandler(EndStaffCommand)
export class EndStaffHandler implements ICommandHandler<EndStaffCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}
  execute({ input, ctx }: EndStaffCommand) {
    return this.commands.execute({
      streamId: staffStreamId(input.hubId),
      decider: endStaffMember,
      command: { ...input, now: ctx.now },
      ctx,
    });
  }
}

export const staffHandlers = [AddStaffHandler, EndStaffHandler];
