import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EventSourcedCommands, newId, type CommandOutcome, type RequestContext } from '#platform';
import type {
  OfstedRegistrationRequest,
  RegisterOptionRequest,
  SuspendOptionRequest,
} from './housing-option.dto.js';
import { optionStreamId } from '../housing.events.js';
import { recordRegistration, registerOption, suspendOption } from './housing-option.decide.js';

export class OptionCommand extends Command<CommandOutcome & { optionId: string }> {
  constructor(
    readonly hubId: string,
    readonly action:
      | { kind: 'register'; request: RegisterOptionRequest }
      | { kind: 'suspend' | 'reinstate'; optionId: string; request: SuspendOptionRequest }
      | { kind: 'ofsted'; optionId: string; request: OfstedRegistrationRequest },
    readonly ctx: RequestContext,
  ) {
    super();
  }
}

/** The hub's housing options: register, suspend or reinstate, record Ofsted registration. */
@CommandHandler(OptionCommand)
export class OptionHandler implements ICommandHandler<OptionCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}

  async execute({ hubId, action: a, ctx }: OptionCommand) {
    if (a.kind === 'register') {
      const optionId = newId(ctx, 'housing-option');
      const r = a.request;
      const outcome = await this.commands.execute({
        streamId: optionStreamId(optionId),
        decider: registerOption,
        command: {
          optionId,
          hubId,
          kind: r.kind,
          name: r.name,
          capacity: r.capacity,
          ageRange: { min: r.ageRange.min, max: r.ageRange.max },
          approvedOn: r.approvedOn ?? null,
          ofstedRegistration: r.ofstedRegistration ?? null,
          moveOnType: r.moveOnType ?? null,
          now: ctx.now,
        },
        ctx,
      });
      return { ...outcome, optionId };
    }
    const streamId = optionStreamId(a.optionId);
    const outcome =
      a.kind === 'ofsted'
        ? await this.commands.execute({
            streamId,
            decider: recordRegistration,
            command: { optionId: a.optionId, hubId, ...a.request },
            ctx,
          })
        : await this.commands.execute({
            streamId,
            decider: suspendOption,
            command: {
              optionId: a.optionId,
              hubId,
              suspend: a.kind === 'suspend',
              reason: a.request.reason,
              on: a.request.on,
            },
            ctx,
          });
    return { ...outcome, optionId: a.optionId };
  }
}
