import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  DecisionCommand,
  EventSourcedCommands,
  newId,
  type DecisionInput,
  type RequestContext,
} from '#platform';
import type {
  AddTeamMemberRequest,
  ChangeTeamMemberRequest,
  EndTeamMemberRequest,
} from './team.dto.js';
import {
  addTeamMember,
  changeTeamMember,
  endTeamMember,
  type AddTeamMember,
  type ChangeTeamMember,
  type EndTeamMember,
} from './team.decide.js';
import { youngPersonStreamId } from '../young-people.events.js';

const stream = youngPersonStreamId;

export class AddTeamMemberCommand extends DecisionCommand<DecisionInput<AddTeamMember>> {
  static from(youngPersonId: string, r: AddTeamMemberRequest, ctx: RequestContext) {
    return new AddTeamMemberCommand(
      {
        youngPersonId,
        memberId: newId(ctx, 'team-member'),
        role: r.role,
        name: r.name,
        organisation: r.organisation ?? null,
        from: r.from,
      },
      ctx,
    );
  }
}
export class EndTeamMemberCommand extends DecisionCommand<DecisionInput<EndTeamMember>> {
  static from(
    youngPersonId: string,
    r: EndTeamMemberRequest & { memberId: string },
    ctx: RequestContext,
  ) {
    return new EndTeamMemberCommand(
      { youngPersonId, memberId: r.memberId, to: r.to, reason: r.reason },
      ctx,
    );
  }
}
export class ChangeTeamMemberCommand extends DecisionCommand<DecisionInput<ChangeTeamMember>> {
  static from(
    youngPersonId: string,
    r: ChangeTeamMemberRequest & { memberId: string },
    ctx: RequestContext,
  ) {
    return new ChangeTeamMemberCommand(
      {
        youngPersonId,
        memberId: r.memberId,
        newMemberId: newId(ctx, 'team-member'),
        name: r.name,
        organisation: r.organisation ?? null,
        from: r.from,
        reason: r.reason,
      },
      ctx,
    );
  }
}

@CommandHandler(AddTeamMemberCommand)
export class AddTeamMemberHandler implements ICommandHandler<AddTeamMemberCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}
  execute({ input, ctx }: AddTeamMemberCommand) {
    return this.commands.execute({
      streamId: stream(input.youngPersonId),
      decider: addTeamMember,
      command: { ...input, now: ctx.now },
      ctx,
    });
  }
}

@CommandHandler(EndTeamMemberCommand)
export class EndTeamMemberHandler implements ICommandHandler<EndTeamMemberCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}
  execute({ input, ctx }: EndTeamMemberCommand) {
    return this.commands.execute({
      streamId: stream(input.youngPersonId),
      decider: endTeamMember,
      command: { ...input, now: ctx.now },
      ctx,
    });
  }
}

@CommandHandler(ChangeTeamMemberCommand)
export class ChangeTeamMemberHandler implements ICommandHandler<ChangeTeamMemberCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}
  execute({ input, ctx }: ChangeTeamMemberCommand) {
    return this.commands.execute({
      streamId: stream(input.youngPersonId),
      decider: changeTeamMember,
      command: { ...input, now: ctx.now },
      ctx,
    });
  }
}
