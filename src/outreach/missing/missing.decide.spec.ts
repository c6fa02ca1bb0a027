import { describe, it } from '@jest/globals';
import { deciderSpec } from '#testing/decider-spec';
import type { OutreachEvent } from '../outreach.events.js';
import { open, report, reported, returned } from '../outreach.test-fixtures.js';
import {
  recordInterview,
  recordReturn,
  reportMissing,
  type RecordInterview,
} from './missing.decide.js';

describe('missing episodes and return home interviews', () => {
  it('reports an episode and refuses a second open or overlapping one', () => {
    deciderSpec(reportMissing).given([]).when(report()).then([reported()]);
    deciderSpec(reportMissing)
      .given([reported()])
      .when(report({ episodeId: 'e2', startedAt: '2026-03-02T23:00:00.000Z' }))
      .thenFails('MISSING.EPISODE_OPEN', 'startedAt');
    deciderSpec(reportMissing)
      .given([reported(), returned()])
      .when(
        report({
          episodeId: 'e2',
          startedAt: '2026-03-03T08:00:00.000Z',
          now: '2026-03-04T00:00:00.000Z',
        }),
      )
      .thenFails('MISSING.OVERLAPS', 'startedAt');
    deciderSpec(reportMissing)
      .given([reported(), returned()])
      .when(
        report({
          episodeId: 'e2',
          startedAt: '2026-03-03T10:00:00.000Z',
          now: '2026-03-04T00:00:00.000Z',
        }),
      )
      .then([
        {
          ...reported('e2', '2026-03-03T10:00:00.000Z'),
          data: {
            ...reported('e2', '2026-03-03T10:00:00.000Z').data,
            reportedAt: '2026-03-04T00:00:00.000Z',
          },
        } as OutreachEvent,
      ]);
  });

  it('sets the interview deadline from the configured window', () => {
    const ret = {
      ...open,
      episodeId: 'e1',
      youngPersonId: 'yp1',
      returnedAt: '2026-03-03T09:00:00.000Z',
      whereFound: 'Friend’s house',
      now: '2026-03-03T10:00:00.000Z',
    };
    deciderSpec(recordReturn)
      .given([reported()])
      .when({ ...ret, windowHours: 72 })
      .then([returned()]);
    deciderSpec(recordReturn)
      .given([reported()])
      .when({ ...ret, windowHours: 48 })
      .then([
        {
          type: 'YoungPersonReturned',
          data: {
            ...(returned().data as object),
            interviewDueBy: '2026-03-05T09:00:00.000Z',
            windowHours: 48,
          },
        } as OutreachEvent,
      ]);
    deciderSpec(recordReturn)
      .given([reported()])
      .when({ ...ret, returnedAt: '2026-03-02T21:00:00.000Z', windowHours: 72 })
      .thenFails('MISSING.RETURN_BEFORE_START', 'returnedAt');
  });

  it('takes the interview in order: offered, accepted or declined, completed by someone', () => {
    const step = (
      outcome: RecordInterview['outcome'],
      by: string | null = null,
    ): RecordInterview => ({
      ...open,
      episodeId: 'e1',
      youngPersonId: 'yp1',
      outcome,
      at: '2026-03-04T10:00:00.000Z',
      by,
      notes: null,
      now: '2026-03-04T11:00:00.000Z',
    });
    const recorded = (
      outcome: RecordInterview['outcome'],
      by: string | null = null,
    ): OutreachEvent => ({
      type: 'ReturnInterviewRecorded',
      data: {
        episodeId: 'e1',
        youngPersonId: 'yp1',
        hubId: 'h1',
        outcome,
        at: '2026-03-04T10:00:00.000Z',
        by,
        notes: null,
      },
    });
    deciderSpec(recordInterview)
      .given([reported()])
      .when(step('offered'))
      .thenFails('INTERVIEW.NOT_RETURNED');
    deciderSpec(recordInterview)
      .given([reported(), returned()])
      .when(step('accepted'))
      .thenFails('INTERVIEW.OUT_OF_ORDER', 'outcome');
    deciderSpec(recordInterview)
      .given([reported(), returned()])
      .when(step('offered'))
      .then([recorded('offered')]);
    deciderSpec(recordInterview)
      .given([reported(), returned(), recorded('offered'), recorded('accepted')])
      .when(step('completed'))
      .thenFails('INTERVIEW.COMPLETED_BY_REQUIRED', 'by');
    deciderSpec(recordInterview)
      .given([reported(), returned(), recorded('offered'), recorded('accepted')])
      .when(step('completed', 'RHI worker'))
      .then([recorded('completed', 'RHI worker')]);
    deciderSpec(recordInterview)
      .given([reported(), returned(), recorded('offered'), recorded('declined')])
      .when(step('completed', 'RHI worker'))
      .thenFails('INTERVIEW.CONCLUDED', 'outcome');
  });
});
