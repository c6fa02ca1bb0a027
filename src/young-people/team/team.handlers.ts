import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseCommand } from '../case-command.js';
import { EventSourcedCommands, newId } from '#platform';
import type {
  AddTeamMemberRequest,
  ChangeTeamMemberRequest,
  EndTeamMemberRequest,
} from './team.dto.js';
import { addTeamMember, changeTeamMember, endTeamMember } from './team.decide.js';
import { youngPersonStreamId } from '../young-people.events.js';

const stream = youngPersonStreamId;

export class AddTeamMemberCommand extends CaseCommand<AddTeamMemberRequest> {}
export class EndTeamMemberCommand extends CaseCommand<
  EndTeamMemberRequest & { memberId: string }
> {}
export class ChangeTeamMemberCommand extends CaseCommand<
  ChangeTeamMemberRequest & { memberId: string }
> {}

@CommandHandler(AddTeamMemberCommand)
export class AddTeamMemberHandler implements ICommandHandler<AddTeamMemberCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}
  execute({ youngPersonId, request, ctx }: AddTeamMemberCommand) {
    return this.commands.execute({
      streamId: stream(youngPersonId),
      decider: addTeamMember,
      command: {
        youngPersonId,
        memberId: newId(ctx, 'team-member'),
        role: request.role,
        name: request.name,
        organisation: request.organisation ?? null,
        from: request.from,
        now: ctx.now,
      },
      ctx,
    });
  }
}

@CommandHandler(EndTeamMemberCommand)
export class EndTeamMemberHandler implements ICommandHandler<EndTeamMemberCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}
  execute({ youngPersonId, request, ctx }: EndTeamMemberCommand) {
    return this.commands.execute({
      streamId: stream(youngPersonId),
      decider: endTeamMember,
      command: { youngPersonId, ...request, now: ctx.now },
      ctx,
    });
  }
}

@CommandHandler(ChangeTeamMemberCommand)
export class ChangeTeamMemberHandler implements ICommandHandler<ChangeTeamMemberCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}
  execute({ youngPersonId, request, ctx }: ChangeTeamMemberCommand) {
    return this.commands.execute({
      streamId: stream(youngPersonId),
      decider: changeTeamMember,
      command: {
        youngPersonId,
        memberId: request.memberId,
        newMemberId: newId(ctx, 'team-member'),
        name: request.name,
        organisation: request.organisation ?? null,
        from: request.from,
        reason: request.reason,
        now: ctx.now,
      },
      ctx,
    });
  }
}
