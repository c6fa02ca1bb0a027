import type { Decider } from '../../../libs/platform/src/decider.js';
import { DomainError } from '../../../libs/platform/src/domain-error.js';
import type { YoungPersonEvent } from '../young-people.events.js';
import {
  currentKeyWorker,
  evolveCase,
  initialCase,
  type YoungPersonCase,
} from '../young-person-case.js';

export interface AllocateKeyWorker {
  youngPersonId: string;
  workerId: string;
  workerName: string;
  now: string;
}

export function decideAllocateKeyWorker(
  command: AllocateKeyWorker,
  state: YoungPersonCase,
): YoungPersonEvent[] {
  switch (state.status) {
    case 'none':
      throw new DomainError(
        'YOUNG_PERSON.NOT_FOUND',
        `no young person ${command.youngPersonId}`,
        404,
      );
    case 'referred':
    case 'declined':
      throw new DomainError(
        'YOUNG_PERSON.NOT_ACCEPTED',
        'a key worker is allocated once the referral is accepted',
      );
    case 'accepted': {
      const current = currentKeyWorker(state);
      if (current?.workerId === command.workerId) {
        throw new DomainError(
          'KEY_WORKER.ALREADY_ALLOCATED',
          `${current.workerName} is already the key worker`,
          409,
          'workerId',
        );
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
          },
        },
      ];
    }
    default: {
      const _exhaustive: never = state;
      return [];
    }
  }
}

export const allocateKeyWorker: Decider<AllocateKeyWorker, YoungPersonEvent, YoungPersonCase> = {
  decide: decideAllocateKeyWorker,
  evolve: evolveCase,
  initialState: initialCase,
};
