import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  DecisionCommand,
  EventSourcedCommands,
  type DecisionInput,
  type RequestContext,
} from '#platform';
import { normalisePostcode } from '#ssda903';
import type { RecordReturnDetailsRequest } from './return-details.dto.js';
import { recordReturnDetails, type RecordReturnDetails } from './return-details.decide.js';
import { youngPersonStreamId } from '../young-people.events.js';

export class RecordReturnDetailsCommand extends DecisionCommand<
  DecisionInput<RecordReturnDetails>
> {
  static from(youngPersonId: string, r: RecordReturnDetailsRequest, ctx: RequestContext) {
    return new RecordReturnDetailsCommand(
      {
        youngPersonId,
        childId: r.childId,
        sex: r.sex,
        ethnicity: r.ethnicity,
        upn: r.upn || null,
        upnReason: r.upnReason || null,
        mother: r.mother || null,
        babyDateOfBirth: r.babyDateOfBirth || null,
        cin: r.cin,
        homePostcode: normalisePostcode(r.homePostcode)!,
        uasc: r.uasc === true,
        uascCeasedOn: r.uasc === true ? r.uascCeasedOn || null : null,
      },
      ctx,
    );
  }
}

@CommandHandler(RecordReturnDetailsCommand)
export class RecordReturnDetailsHandler implements ICommandHandler<RecordReturnDetailsCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}
  execute({ input, ctx }: RecordReturnDetailsCommand) {
    return this.commands.execute({
      streamId: youngPersonStreamId(input.youngPersonId),
      decider: recordReturnDetails,
      command: { ...input, now: ctx.now },
      ctx,
    });
  }
}
