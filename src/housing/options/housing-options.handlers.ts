import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  DecisionCommand,
  EventSourcedCommands,
  newId,
  type CommandOutcome,
  type DecisionInput,
  type RequestContext,
} from '#platform';
import type {
  OfstedRegistrationRequest,
  RegisterOptionRequest,
  SuspendOptionRequest,
} from './housing-option.dto.js';
import { optionStreamId } from '../housing.events.js';
import {
  recordRegistration,
  registerOption,
  suspendOption,
  type RecordRegistration,
  type RegisterOption,
  type SuspendOption,
} from './housing-option.decide.js';

type OptionOutcome = CommandOutcome & { optionId: string };

export class RegisterOptionCommand extends DecisionCommand<
  DecisionInput<RegisterOption>,
  OptionOutcome
> {
  static from(hubId: string, r: RegisterOptionRequest, ctx: RequestContext) {
    return new RegisterOptionCommand(
      {
        optionId: newId(ctx, 'housing-option'),
        hubId,
        kind: r.kind,
        name: r.name,
        capacity: r.capacity,
        ageRange: { min: r.ageRange.min, max: r.ageRange.max },
        approvedOn: r.approvedOn ?? null,
        ofstedRegistration: r.ofstedRegistration ?? null,
        moveOnType: r.moveOnType ?? null,
      },
      ctx,
    );
  }
}

/** Suspend an option (no one moves in) or reinstate it. */
export class SuspendOptionCommand extends DecisionCommand<SuspendOption, OptionOutcome> {
  static from(
    hubId: string,
    optionId: string,
    suspend: boolean,
    r: SuspendOptionRequest,
    ctx: RequestContext,
  ) {
    return new SuspendOptionCommand({ optionId, hubId, suspend, reason: r.reason, on: r.on }, ctx);
  }
}

export class RecordRegistrationCommand extends DecisionCommand<RecordRegistration, OptionOutcome> {
  static from(hubId: string, optionId: string, r: OfstedRegistrationRequest, ctx: RequestContext) {
    return new RecordRegistrationCommand(
      { optionId, hubId, reference: r.reference, registeredOn: r.registeredOn },
      ctx,
    );
  }
}

@CommandHandler(RegisterOptionCommand)
export class RegisterOptionHandler implements ICommandHandler<RegisterOptionCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}
  async execute({ input, ctx }: RegisterOptionCommand) {
    const outcome = await this.commands.execute({
      streamId: optionStreamId(input.optionId),
      decider: registerOption,
      command: { ...input, now: ctx.now },
      ctx,
    });
    return { ...outcome, optionId: input.optionId };
  }
}

@CommandHandler(SuspendOptionCommand)
export class SuspendOptionHandler implements ICommandHandler<SuspendOptionCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}
  async execute({ input, ctx }: SuspendOptionCommand) {
    const outcome = await this.commands.execute({
      streamId: optionStreamId(input.optionId),
      decider: suspendOption,
      command: input,
      ctx,
    });
    return { ...outcome, optionId: input.optionId };
  }
}

@CommandHandler(RecordRegistrationCommand)
export class RecordRegistrationHandler implements ICommandHandler<RecordRegistrationCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}
  async execute({ input, ctx }: RecordRegistrationCommand) {
    const outcome = await this.commands.execute({
      streamId: optionStreamId(input.optionId),
      decider: recordRegistration,
      command: input,
      ctx,
    });
    return { ...outcome, optionId: input.optionId };
  }
}

export const optionHandlers = [
  RegisterOptionHandler,
  SuspendOptionHandler,
  RecordRegistrationHandler,
];
