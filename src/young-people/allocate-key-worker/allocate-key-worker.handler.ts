import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EventSourcedCommands, type CommandOutcome, type RequestContext } from '#platform';
import { youngPersonStreamId } from '../young-people.events.js';
import { CaseloadCount } from '../caseload/caseload-count.js';
import { allocateKeyWorker } from './allocate-key-worker.decide.js';
import type { AllocateKeyWorkerRequest } from './allocate-key-worker.dto.js';

export class AllocateKeyWorkerCommand extends Command<CommandOutcome> {
  constructor(
    readonly youngPersonId: string,
    readonly request: AllocateKeyWorkerRequest,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}

@CommandHandler(AllocateKeyWorkerCommand)
export class AllocateKeyWorkerHandler implements ICommandHandler<AllocateKeyWorkerCommand> {
  constructor(
    private readonly commands: EventSourcedCommands,
    private readonly caseloads: CaseloadCount,
  ) {}

  async execute({ youngPersonId, request, ctx }: AllocateKeyWorkerCommand) {
    const workerCaseload = await this.caseloads.of(request.workerId);
    return this.commands.execute({
      streamId: youngPersonStreamId(youngPersonId),
      decider: allocateKeyWorker,
      command: {
        youngPersonId,
        workerId: request.workerId,
        workerName: request.workerName,
        reason: request.reason ?? null,
        override: request.override ?? false,
        overrideReason: request.overrideReason ?? null,
        workerCaseload,
        caseloadLimit: this.caseloads.limit,
        now: ctx.now,
      },
      ctx,
    });
  }
}
