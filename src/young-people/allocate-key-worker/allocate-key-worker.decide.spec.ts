import { describe, expect, it } from '@jest/globals';
import { fold } from '#kernel';
import { deciderSpec } from '#testing/decider-spec';
import type { YoungPersonEvent } from '../young-people.events.js';
import { evolveCase, initialCase, type YoungPersonCase } from '../young-person-case.state.js';
import { referred } from '../young-people.test-fixtures.js';
import { allocateKeyWorker, type AllocateKeyWorker } from './allocate-key-worker.decide.js';

const accepted: YoungPersonEvent = {
  type: 'ReferralAccepted',
  data: { youngPersonId: 'yp1', acceptedAt: '2026-03-02T10:00:00.000Z' },
};
const allocate = (
  workerId: string,
  now: string,
  more: Partial<AllocateKeyWorker> = {},
): AllocateKeyWorker => ({
  youngPersonId: 'yp1',
  workerId,
  workerName: `Worker ${workerId}`,
  reason: null,
  override: false,
  overrideReason: null,
  workerCaseload: 3,
  caseloadLimit: 8,
  now,
  ...more,
});
const first = allocateKeyWorker.decide(
  allocate('w1', '2026-03-03T09:00:00.000Z'),
  fold(allocateKeyWorker, [referred, accepted]),
);

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
            reason: null,
            caseloadOverride: null,
          },
        },
      ]);
  });

  it('changes the key worker only with a reason, and keeps every allocation with its dates', () => {
    spec
      .given([referred, accepted, ...first])
      .when(allocate('w2', '2026-05-01T09:00:00.000Z'))
      .thenFails('KEY_WORKER.REASON_REQUIRED', 'reason');
    const second = allocateKeyWorker.decide(
      allocate('w2', '2026-05-01T09:00:00.000Z', { reason: 'w1 left the hub' }),
      fold(allocateKeyWorker, [referred, accepted, ...first]),
    );
    expect(second[0].data).toMatchObject({ previousWorkerId: 'w1', reason: 'w1 left the hub' });
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
        reason: null,
        overrideReason: null,
      },
      {
        workerId: 'w2',
        workerName: 'Worker w2',
        from: '2026-05-01T09:00:00.000Z',
        to: null,
        reason: 'w1 left the hub',
        overrideReason: null,
      },
    ]);
  });

  it('refuses a full caseload unless the manager overrides it with a reason, which is recorded', () => {
    const full = { workerCaseload: 8, caseloadLimit: 8 };
    spec
      .given([referred, accepted])
      .when(allocate('w1', 'now', full))
      .thenFails('KEY_WORKER.CASELOAD_FULL', 'workerId');
    spec
      .given([referred, accepted])
      .when(allocate('w1', 'now', { ...full, override: true }))
      .thenFails('KEY_WORKER.OVERRIDE_REASON_REQUIRED', 'overrideReason');
    const [event] = allocateKeyWorker.decide(
      allocate('w1', 'now', {
        ...full,
        override: true,
        overrideReason: 'Only worker who speaks Polish',
      }),
      fold(allocateKeyWorker, [referred, accepted]),
    );
    expect(event.data).toMatchObject({
      caseloadOverride: { reason: 'Only worker who speaks Polish', caseload: 8, limit: 8 },
    });
  });

  it('refuses before acceptance, and the same worker twice', () => {
    spec.given([referred]).when(allocate('w1', 'now')).thenFails('YOUNG_PERSON.NOT_ACCEPTED');
    spec
      .given([referred, accepted, ...first])
      .when(allocate('w1', 'now'))
      .thenFails('KEY_WORKER.ALREADY_ALLOCATED', 'workerId');
  });
});
