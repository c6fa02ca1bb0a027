import { describe, it } from '@jest/globals';
import { deciderSpec } from '#testing/decider-spec';
import type { OutcomeEvent } from '../outcomes.events.js';
import { recordOutcome, type OutcomeCommand } from './outcome-record.decide.js';

/** Born 1 March 2010: 15 until 1 March 2026, 16 from then. */
const theCase = {
  youngPersonId: 'yp1',
  hubId: 'h1',
  caseStatus: 'accepted',
  dateOfBirth: '2010-03-01',
  today: '2026-06-01',
};
const on = { youngPersonId: 'yp1', hubId: 'h1' };
const cmd = (input: Record<string, unknown>) => ({ ...theCase, ...input }) as OutcomeCommand;
const spec = () => deciderSpec(recordOutcome);

describe('a young person’s outcomes', () => {
  it('records arrests, charges, cautions and convictions on their day, never in the future', () => {
    const arrest = cmd({
      action: 'justice',
      entryId: 'j1',
      kind: 'arrest',
      on: '2026-05-02',
      note: ' Shoplifting ',
    });
    spec()
      .given([])
      .when(arrest)
      .then([
        {
          type: 'JusticeEventRecorded',
          data: { ...on, entryId: 'j1', kind: 'arrest', on: '2026-05-02', note: 'Shoplifting' },
        },
      ]);
    spec()
      .given([])
      .when({ ...arrest, on: '2026-06-02' } as OutcomeCommand)
      .thenFails('OUTCOME.DATE_IN_FUTURE', 'on');
    spec()
      .given([])
      .when({ ...arrest, on: '2009-01-01' } as OutcomeCommand)
      .thenFails('OUTCOME.BEFORE_BIRTH', 'on');
    spec()
      .given([])
      .when({ ...arrest, caseStatus: 'referred' } as OutcomeCommand)
      .thenFails('CASE.NOT_ACCEPTED');
  });

  it('takes school statuses under 16 and education, training, employment or NEET from 16', () => {
    const school = cmd({
      action: 'education',
      entryId: 'e1',
      status: 'school',
      from: '2026-02-01',
      attendance: 82,
      atReview: true,
    });
    spec()
      .given([])
      .when(school)
      .then([
        {
          type: 'EducationStatusRecorded',
          data: {
            ...on,
            entryId: 'e1',
            status: 'school',
            from: '2026-02-01',
            attendance: 82,
            atReview: true,
          },
        },
      ]);
    // 16 on 1 March 2026: from then, school is not a status; NEET is.
    spec()
      .given([])
      .when({ ...school, from: '2026-03-01' } as OutcomeCommand)
      .thenFails('OUTCOME.STATUS_FOR_AGE', 'status');
    spec()
      .given([])
      .when({ ...school, status: 'neet', from: '2026-02-01' } as OutcomeCommand)
      .thenFails('OUTCOME.STATUS_FOR_AGE', 'status');
    spec()
      .given([])
      .when({ ...school, status: 'neet', from: '2026-03-01' } as OutcomeCommand)
      .thenFails('OUTCOME.ATTENDANCE_UNDER_16', 'attendance');
    spec()
      .given([])
      .when({ ...school, status: 'neet', from: '2026-03-01', attendance: null } as OutcomeCommand)
      .then([
        {
          type: 'EducationStatusRecorded',
          data: {
            ...on,
            entryId: 'e1',
            status: 'neet',
            from: '2026-03-01',
            attendance: null,
            atReview: true,
          },
        },
      ]);
  });

  it('opens a concern once at a time, and closes it on or after the day it opened', () => {
    const opened: OutcomeEvent = {
      type: 'RiskMarkerOpened',
      data: { ...on, markerId: 'm1', kind: 'cce', on: '2026-01-10', note: 'County lines' },
    };
    spec()
      .given([])
      .when(
        cmd({
          action: 'open-marker',
          markerId: 'm1',
          kind: 'cce',
          on: '2026-01-10',
          note: 'County lines',
        }),
      )
      .then([opened]);
    spec()
      .given([opened])
      .when(cmd({ action: 'open-marker', markerId: 'm2', kind: 'cce', on: '2026-02-01', note: '' }))
      .thenFails('OUTCOME.MARKER_OPEN', 'kind');
    // Another kind opens beside it.
    spec()
      .given([opened])
      .when(cmd({ action: 'open-marker', markerId: 'm2', kind: 'cse', on: '2026-02-01', note: '' }))
      .then([
        {
          type: 'RiskMarkerOpened',
          data: { ...on, markerId: 'm2', kind: 'cse', on: '2026-02-01', note: '' },
        },
      ]);
    const close = cmd({ action: 'close-marker', markerId: 'm1', on: '2026-04-01', note: 'Safe' });
    const closed: OutcomeEvent = {
      type: 'RiskMarkerClosed',
      data: { ...on, markerId: 'm1', kind: 'cce', on: '2026-04-01', note: 'Safe' },
    };
    spec().given([opened]).when(close).then([closed]);
    spec()
      .given([opened])
      .when({ ...close, on: '2026-01-09' } as OutcomeCommand)
      .thenFails('OUTCOME.CLOSE_BEFORE_OPEN', 'on');
    spec().given([opened, closed]).when(close).thenFails('OUTCOME.MARKER_NOT_OPEN');
    // Closed, it can be opened again.
    spec()
      .given([opened, closed])
      .when(cmd({ action: 'open-marker', markerId: 'm3', kind: 'cce', on: '2026-05-01', note: '' }))
      .then([
        {
          type: 'RiskMarkerOpened',
          data: { ...on, markerId: 'm3', kind: 'cce', on: '2026-05-01', note: '' },
        },
      ]);
  });

  it('records the year before once, and again only with a reason', () => {
    const counts = {
      missingEpisodes: 6,
      arrests: 2,
      placements: 3,
      residentialNights: 40,
      exclusions: 1,
    };
    const baseline = cmd({
      action: 'baseline',
      source: 'Police and CSC records',
      reason: '',
      ...counts,
    });
    const recorded: OutcomeEvent = {
      type: 'BaselineRecorded',
      data: { ...on, ...counts, source: 'Police and CSC records', replaces: false, reason: '' },
    };
    spec().given([]).when(baseline).then([recorded]);
    spec().given([recorded]).when(baseline).thenFails('OUTCOME.BASELINE_RECORDED', 'reason');
    spec()
      .given([recorded])
      .when({ ...baseline, arrests: 3, reason: 'A caution was missed' } as OutcomeCommand)
      .then([
        {
          type: 'BaselineRecorded',
          data: {
            ...on,
            ...counts,
            arrests: 3,
            source: 'Police and CSC records',
            replaces: true,
            reason: 'A caution was missed',
          },
        },
      ]);
  });

  it('takes a family group conference from planned to held, plan agreed and reviewed, in order', () => {
    const stage = (s: string, day: string): OutcomeEvent => ({
      type: 'FamilyGroupConferenceRecorded',
      data: { ...on, fgcId: 'f1', stage: s as 'planned', on: day, note: '' },
    });
    const at = (s: string, day: string) =>
      cmd({ action: 'conference', fgcId: 'f1', stage: s as 'planned', on: day, note: '' });
    spec()
      .given([])
      .when(at('planned', '2026-01-05'))
      .then([stage('planned', '2026-01-05')]);
    spec().given([]).when(at('held', '2026-01-05')).thenFails('OUTCOME.FGC_STAGE_ORDER', 'stage');
    const planned = [stage('planned', '2026-01-05')];
    spec()
      .given(planned)
      .when(at('held', '2026-01-20'))
      .then([stage('held', '2026-01-20')]);
    // Planned for a day to come (it may be held earlier, if brought forward); held only once gone.
    spec()
      .given([])
      .when(at('planned', '2026-07-01'))
      .then([stage('planned', '2026-07-01')]);
    spec().given(planned).when(at('held', '2026-06-02')).thenFails('OUTCOME.DATE_IN_FUTURE', 'on');
    spec()
      .given(planned)
      .when(at('held', '2026-01-04'))
      .then([stage('held', '2026-01-04')]);
    spec()
      .given([...planned, stage('held', '2026-01-20')])
      .when(at('plan_agreed', '2026-01-19'))
      .thenFails('OUTCOME.FGC_DATE', 'on');
    spec()
      .given(planned)
      .when(at('plan_agreed', '2026-01-20'))
      .thenFails('OUTCOME.FGC_STAGE_ORDER', 'stage');
    const agreed = [...planned, stage('held', '2026-01-20'), stage('plan_agreed', '2026-01-20')];
    spec()
      .given(agreed)
      .when(at('reviewed', '2026-04-20'))
      .then([stage('reviewed', '2026-04-20')]);
    spec()
      .given([...agreed, stage('reviewed', '2026-04-20')])
      .when(at('reviewed', '2026-05-20'))
      .then([stage('reviewed', '2026-05-20')]);
  });
});
