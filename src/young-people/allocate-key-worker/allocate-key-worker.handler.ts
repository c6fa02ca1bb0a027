import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  DecisionCommand,
  EventSourcedCommands,
  type DecisionInput,
  type RequestContext,
} from '#platform';
import { youngPersonStreamId } from '../young-people.events.js';
import { CaseloadCount } from '../caseload/caseload-count.js';
import { allocateKeyWorker, type AllocateKeyWorker } from './allocate-key-worker.decide.js';
import type { AllocateKeyWorkerRequest } from './allocate-key-worker.dto.js';

export class AllocateKeyWorkerCommand extends DecisionCommand<
  DecisionInput<AllocateKeyWorker, 'workerCaseload' | 'caseloadLimit'>
> {
  static from(youngPersonId: string, r: AllocateKeyWorkerRequest, ctx: RequestContext) {
    return new AllocateKeyWorkerCommand(
      {
        youngPersonId,
        workerId: r.workerId,
        workerName: r.workerName,
        reason: r.reason ?? null,
        override: r.override ?? false,
        overrideReason: r.overrideReason ?? null,
      },
      ctx,
    );
  }
}

@CommandHandler(AllocateKeyWorkerCommand)
export class AllocateKeyWorkerHandler implements ICommandHandler<AllocateKeyWorkerCommand> {
  constructor(
    private readonly commands: EventSourcedCommands,
    private readonly caseloads: CaseloadCount,
  ) {}

  async execute({ input, ctx }: AllocateKeyWorkerCommand) {
    const workerCaseload = await this.caseloads.of(input.workerId);
    return this.commands.execute({
      streamId: youngPersonStreamId(input.youngPersonId),
      decider: allocateKeyWorker,
      command: { ...input, workerCaseload, caseloadLimit: this.caseloads.limit, now: ctx.now },
      ctx,
    });
  }
}
