import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseCommand } from './case-command.js';
import { EventSourcedCommands, newId } from '#platform';
import type {
  AddTeamMemberRequest,
  ChangeTeamMemberRequest,
  EndTeamMemberRequest,
  ReopenCaseRequest,
  ScreeningNoteRequest,
  StepAwayRequest,
} from './case-lifecycle.dto.js';
import { recordScreeningNote } from './screening/record-screening-note.decide.js';
import { reopenCase, stepAway } from './step-away/step-away.decide.js';
import { addTeamMember, changeTeamMember, endTeamMember } from './team/team.decide.js';
import { youngPersonStreamId } from './young-people.events.js';

export class RecordScreeningNoteCommand extends CaseCommand<ScreeningNoteRequest> {}
export class AddTeamMemberCommand extends CaseCommand<AddTeamMemberRequest> {}
export class EndTeamMemberCommand extends CaseCommand<
  EndTeamMemberRequest & { memberId: string }
> {}
export class ChangeTeamMemberCommand extends CaseCommand<
  ChangeTeamMemberRequest & { memberId: string }
> {}
export class StepAwayCommand extends CaseCommand<StepAwayRequest> {}
export class ReopenCaseCommand extends CaseCommand<ReopenCaseRequest> {}

const stream = youngPersonStreamId;

@CommandHandler(RecordScreeningNoteCommand)
export class RecordScreeningNoteHandler implements ICommandHandler<RecordScreeningNoteCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}
  execute({ youngPersonId, request, ctx }: RecordScreeningNoteCommand) {
    return this.commands.execute({
      streamId: stream(youngPersonId),
      decider: recordScreeningNote,
      command: { youngPersonId, note: request.note, now: ctx.now },
      ctx,
    });
  }
}

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

@CommandHandler(StepAwayCommand)
export class StepAwayHandler implements ICommandHandler<StepAwayCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}
  execute({ youngPersonId, request, ctx }: StepAwayCommand) {
    return this.commands.execute({
      streamId: stream(youngPersonId),
      decider: stepAway,
      command: { youngPersonId, ...request, now: ctx.now },
      ctx,
    });
  }
}

@CommandHandler(ReopenCaseCommand)
export class ReopenCaseHandler implements ICommandHandler<ReopenCaseCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}
  execute({ youngPersonId, request, ctx }: ReopenCaseCommand) {
    return this.commands.execute({
      streamId: stream(youngPersonId),
      decider: reopenCase,
      command: { youngPersonId, ...request, now: ctx.now },
      ctx,
    });
  }
}

export const caseLifecycleHandlers = [
  RecordScreeningNoteHandler,
  AddTeamMemberHandler,
  EndTeamMemberHandler,
  ChangeTeamMemberHandler,
  StepAwayHandler,
  ReopenCaseHandler,
];
