import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  DecisionCommand,
  EventSourcedCommands,
  type DecisionInput,
  type RequestContext,
} from '#platform';
import { youngPersonStreamId } from '../young-people.events.js';
import { revokeConsent, type RevokeConsent } from '../revoke-consent/revoke-consent.decide.js';
import { grantConsent, type GrantConsent } from './grant-consent.decide.js';
import type { GrantConsentRequest } from './consent.dto.js';

export class GrantConsentCommand extends DecisionCommand<DecisionInput<GrantConsent>> {
  static from(youngPersonId: string, r: GrantConsentRequest, ctx: RequestContext) {
    return new GrantConsentCommand(
      { youngPersonId, visitorId: r.visitorId, visitorName: r.visitorName },
      ctx,
    );
  }
}

export class RevokeConsentCommand extends DecisionCommand<DecisionInput<RevokeConsent>> {
  static from(youngPersonId: string, visitorId: string, ctx: RequestContext) {
    return new RevokeConsentCommand({ youngPersonId, visitorId }, ctx);
  }
}

@CommandHandler(GrantConsentCommand)
export class GrantConsentHandler implements ICommandHandler<GrantConsentCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}

  execute({ input, ctx }: GrantConsentCommand) {
    return this.commands.execute({
      streamId: youngPersonStreamId(input.youngPersonId),
      decider: grantConsent,
      command: { ...input, now: ctx.now },
      ctx,
    });
  }
}

@CommandHandler(RevokeConsentCommand)
export class RevokeConsentHandler implements ICommandHandler<RevokeConsentCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}

  execute({ input, ctx }: RevokeConsentCommand) {
    return this.commands.execute({
      streamId: youngPersonStreamId(input.youngPersonId),
      decider: revokeConsent,
      command: { ...input, now: ctx.now },
      ctx,
    });
  }
}
