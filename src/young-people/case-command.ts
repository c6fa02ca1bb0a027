import { Command } from '@nestjs/cqrs';
import type { CommandOutcome, RequestContext } from '#platform';

/** A command about one young person's case: the id, the validated request, the request context. */
export abstract class CaseCommand<R> extends Command<CommandOutcome> {
  constructor(
    readonly youngPersonId: string,
    readonly request: R,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
