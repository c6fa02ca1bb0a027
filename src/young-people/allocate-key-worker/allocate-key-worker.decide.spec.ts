import { describe, expect, it } from '@jest/globals';
import { fold } from '../../../libs/platform/src/decider.js';
import { deciderSpec } from '../../../libs/testing/src/decider-spec.js';
import type { YoungPersonEvent } from '../young-people.events.js';
import { evolveCase, initialCase, type YoungPersonCase } from '../young-person-case.js';
import { referred } from '../young-people.test-fixtures.js';
import { allocateKeyWorker } from './allocate-key-worker.decide.js';

const accepted: YoungPersonEvent = {
  type: 'ReferralAccepted',
  data: { youngPersonId: 'yp1', acceptedAt: '2026-03-02T10:00:00.000Z' },
};
const allocate = (workerId: string, now: string) => ({
  youngPersonId: 'yp1',
  workerId,
  workerName: `Worker ${workerId}`,
  now,
});

describe('allocate a key worker', () => {
  const spec = deciderSpec(allocateKeyWorker);

  it('allocates the first key worker of an accepted case', () => {
    spec
      .given([referred, accepted])
      .when(allocate('w1', '2026-03-03T09:00:00.000Z'))
      .then([
        {
          type: 'KeyWorkerAllocated',
          data: {
            youngPersonId: 'yp1',
            workerId: 'w1',
            workerName: 'Worker w1',
            previousWorkerId: null,
            allocatedAt: '2026-03-03T09:00:00.000Z',
          },
        },
      ]);
  });

  it('keeps every allocation with its dates when the key worker changes', () => {
    const first = allocateKeyWorker.decide(
      allocate('w1', '2026-03-03T09:00:00.000Z'),
      fold(allocateKeyWorker, [referred, accepted]),
    );
    const second = allocateKeyWorker.decide(
      allocate('w2', '2026-05-01T09:00:00.000Z'),
      fold(allocateKeyWorker, [referred, accepted, ...first]),
    );
    expect(second[0].data).toMatchObject({ previousWorkerId: 'w1' });
    const state = fold<YoungPersonEvent, YoungPersonCase>(
      { evolve: evolveCase, initialState: initialCase },
      [referred, accepted, ...first, ...second],
    );
    expect(state.status === 'accepted' && state.keyWorkers).toEqual([
      {
        workerId: 'w1',
        workerName: 'Worker w1',
        from: '2026-03-03T09:00:00.000Z',
        to: '2026-05-01T09:00:00.000Z',
      },
      { workerId: 'w2', workerName: 'Worker w2', from: '2026-05-01T09:00:00.000Z', to: null },
    ]);
  });

  it('refuses before acceptance, and the same worker twice', () => {
    spec
      .given([referred])
      .when(allocate('w1', '2026-03-03T09:00:00.000Z'))
      .thenFails('YOUNG_PERSON.NOT_ACCEPTED');
    const first = allocateKeyWorker.decide(
      allocate('w1', '2026-03-03T09:00:00.000Z'),
      fold(allocateKeyWorker, [referred, accepted]),
    );
    spec
      .given([referred, accepted, ...first])
      .when(allocate('w1', '2026-03-04T09:00:00.000Z'))
      .thenFails('KEY_WORKER.ALREADY_ALLOCATED', 'workerId');
  });
});
