import type { Decider } from '#kernel';
import { DomainError } from '#kernel';
import type { YoungPersonEvent } from '../young-people.events.js';
import { evolveCase, initialCase, type YoungPersonCase } from '../young-person-case.state.js';
import { currentKeyWorker, existingCase } from '../case-rules.state.js';

export interface AllocateKeyWorker {
  youngPersonId: string;
  workerId: string;
  workerName: string;
  /** Why the key worker changes: required when there is one already. */
  reason: string | null;
  /** The manager allocates past the caseload limit, knowingly, with a reason. */
  override: boolean;
  overrideReason: string | null;
  /** The worker's current caseload and the limit, looked up by the handler. */
  workerCaseload: number;
  caseloadLimit: number;
  now: string;
}

export function decideAllocateKeyWorker(
  command: AllocateKeyWorker,
  state: YoungPersonCase,
): YoungPersonEvent[] {
  const open = existingCase(state, command.youngPersonId);
  if (open.status !== 'accepted' && open.status !== 'stepped_away') {
    throw new DomainError(
      'YOUNG_PERSON.NOT_ACCEPTED',
      'a key worker is allocated once the referral is accepted',
    );
  }
  const current = currentKeyWorker(open);
  if (current?.workerId === command.workerId) {
    throw new DomainError(
      'KEY_WORKER.ALREADY_ALLOCATED',
      `${current.workerName} is already the key worker`,
      409,
      'workerId',
    );
  }
  const reason = command.reason?.trim() || null;
  if (current && !reason) {
    throw new DomainError(
      'KEY_WORKER.REASON_REQUIRED',
      `say why the key worker changes from ${current.workerName}: the young person keeps one trusted relationship`,
      422,
      'reason',
    );
  }
  let caseloadOverride: { reason: string; caseload: number; limit: number } | null = null;
  if (command.workerCaseload >= command.caseloadLimit) {
    if (!command.override) {
      throw new DomainError(
        'KEY_WORKER.CASELOAD_FULL',
        `${command.workerName} already has ${command.workerCaseload} young people (the limit is ${command.caseloadLimit}); send override: true with a reason to allocate anyway`,
        409,
        'workerId',
      );
    }
    const overrideReason = command.overrideReason?.trim();
    if (!overrideReason) {
      throw new DomainError(
        'KEY_WORKER.OVERRIDE_REASON_REQUIRED',
        'an override of the caseload limit needs a reason',
        422,
        'overrideReason',
      );
    }
    caseloadOverride = {
      reason: overrideReason,
      caseload: command.workerCaseload,
      limit: command.caseloadLimit,
    };
  }
  return [
    {
      type: 'KeyWorkerAllocated',
      data: {
        youngPersonId: command.youngPersonId,
        workerId: command.workerId,
        workerName: command.workerName.trim(),
        previousWorkerId: current?.workerId ?? null,
        allocatedAt: command.now,
        reason,
        caseloadOverride,
      },
    },
  ];
}

export const allocateKeyWorker: Decider<AllocateKeyWorker, YoungPersonEvent, YoungPersonCase> = {
  decide: decideAllocateKeyWorker,
  evolve: evolveCase,
  initialState: initialCase,
};
