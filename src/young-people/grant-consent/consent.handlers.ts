import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EventSourcedCommands, type CommandOutcome, type RequestContext } from '#platform';
import { youngPersonStreamId } from '../young-people.events.js';
import { revokeConsent } from '../revoke-consent/revoke-consent.decide.js';
import { grantConsent } from './grant-consent.decide.js';
import type { GrantConsentRequest } from './consent.dto.js';

export class GrantConsentCommand extends Command<CommandOutcome> {
  constructor(
    readonly youngPersonId: string,
    readonly request: GrantConsentRequest,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}

export class RevokeConsentCommand extends Command<CommandOutcome> {
  constructor(
    readonly youngPersonId: string,
    readonly visitorId: string,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}

@CommandHandler(GrantConsentCommand)
export class GrantConsentHandler implements ICommandHandler<GrantConsentCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}

  execute({ youngPersonId, request, ctx }: GrantConsentCommand) {
    return this.commands.execute({
      streamId: youngPersonStreamId(youngPersonId),
      decider: grantConsent,
      command: { youngPersonId, ...request, now: ctx.now },
      ctx,
    });
  }
}

@CommandHandler(RevokeConsentCommand)
export class RevokeConsentHandler implements ICommandHandler<RevokeConsentCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}

  execute({ youngPersonId, visitorId, ctx }: RevokeConsentCommand) {
    return this.commands.execute({
      streamId: youngPersonStreamId(youngPersonId),
      decider: revokeConsent,
      command: { youngPersonId, visitorId, now: ctx.now },
      ctx,
    });
  }
}
