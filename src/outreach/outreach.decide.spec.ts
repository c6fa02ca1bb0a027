import { describe, expect, it } from '@jest/globals';
import { deciderSpec } from '#testing/decider-spec';
import { amendContact, logContact, type LogContact } from './contacts/contacts.decide.js';
import {
  recordIncident,
  recordNotification,
  reg40Recipients,
} from './incidents/incidents.decide.js';
import {
  recordInterview,
  recordReturn,
  reportMissing,
  type RecordInterview,
  type ReportMissing,
} from './missing/missing.decide.js';
import type { ContactLogged, OutreachEvent } from './outreach.events.js';

const open = { caseStatus: 'accepted', hubId: 'h1' };
const worker = { id: 'ow-1', name: 'Olu Worker' };
const details = {
  occurredAt: '2026-03-02T18:00:00.000Z',
  kind: 'face_to_face' as const,
  location: 'Café',
  durationMinutes: 30,
  present: [],
  notes: 'Talked about college',
  portfolioAreas: ['education_training_employment' as const],
  followUps: [{ action: 'Ring college', due: '2026-03-05' }],
};
const log = (over: Partial<LogContact> = {}): LogContact => ({
  ...open,
  contactId: 'c1',
  youngPersonId: 'yp1',
  worker,
  details,
  now: '2026-03-02T19:00:00.000Z',
  lateAfterHours: 24,
  ...over,
});
const logged = (over: Partial<ContactLogged['data']> = {}): OutreachEvent => ({
  type: 'ContactLogged',
  data: {
    contactId: 'c1',
    youngPersonId: 'yp1',
    hubId: 'h1',
    workerId: worker.id,
    workerName: worker.name,
    ...details,
    recordedAt: '2026-03-02T19:00:00.000Z',
    lateRecorded: false,
    ...over,
  },
});

describe('logging and amending contacts', () => {
  it('logs a contact, flagged late only past the configured hours', () => {
    deciderSpec(logContact).given([]).when(log()).then([logged()]);
    deciderSpec(logContact)
      .given([])
      .when(log({ now: '2026-03-03T18:00:01.000Z' }))
      .then([logged({ recordedAt: '2026-03-03T18:00:01.000Z', lateRecorded: true })]);
    deciderSpec(logContact)
      .given([])
      .when(log({ now: '2026-03-03T18:00:01.000Z', lateAfterHours: 48 }))
      .then([logged({ recordedAt: '2026-03-03T18:00:01.000Z', lateRecorded: false })]);
  });

  it('records a contact once: the same contact again adds nothing', () => {
    deciderSpec(logContact).given([logged()]).when(log()).then([]);
  });

  it('refuses the future beyond five minutes of clock skew, closed cases and early follow-ups', () => {
    deciderSpec(logContact)
      .given([])
      .when(log({ now: '2026-03-02T17:54:00.000Z' }))
      .thenFails('CONTACT.IN_FUTURE', 'occurredAt');
    deciderSpec(logContact)
      .given([])
      .when(log({ now: '2026-03-02T17:56:00.000Z' }))
      .then([logged({ recordedAt: '2026-03-02T17:56:00.000Z' })]);
    deciderSpec(logContact)
      .given([])
      .when(log({ caseStatus: 'closed' }))
      .thenFails('CASE.NOT_OPEN');
    deciderSpec(logContact)
      .given([])
      .when(log({ details: { ...details, followUps: [{ action: 'x', due: '2026-03-01' }] } }))
      .thenFails('CONTACT.FOLLOW_UP_BEFORE_CONTACT', 'followUps.0.due');
  });

  it('amends with who, when, why and what was replaced; refuses amendments that change nothing', () => {
    const amend = {
      ...open,
      contactId: 'c1',
      youngPersonId: 'yp1',
      reason: 'Typed the wrong time',
      by: worker,
      now: '2026-03-03T08:00:00.000Z',
    };
    deciderSpec(amendContact)
      .given([logged()])
      .when({ ...amend, changes: { occurredAt: '2026-03-02T17:00:00.000Z', notes: details.notes } })
      .then([
        {
          type: 'ContactAmended',
          data: {
            contactId: 'c1',
            youngPersonId: 'yp1',
            hubId: 'h1',
            changes: { occurredAt: '2026-03-02T17:00:00.000Z' },
            previous: { occurredAt: details.occurredAt },
            reason: 'Typed the wrong time',
            amendedBy: worker,
            amendedAt: '2026-03-03T08:00:00.000Z',
          },
        },
      ]);
    deciderSpec(amendContact)
      .given([logged()])
      .when({ ...amend, changes: { notes: details.notes } })
      .thenFails('CONTACT.NO_CHANGE');
    deciderSpec(amendContact)
      .given([])
      .when({ ...amend, changes: { notes: 'x' } })
      .thenFails('CONTACT.NOT_FOUND', 'contactId');
  });
});

const report = (over: Partial<ReportMissing> = {}): ReportMissing => ({
  ...open,
  episodeId: 'e1',
  youngPersonId: 'yp1',
  category: 'M',
  startedAt: '2026-03-02T22:00:00.000Z',
  policeInformed: true,
  policeReference: 'REF-1',
  circumstances: 'Did not return',
  by: worker,
  now: '2026-03-02T23:00:00.000Z',
  ...over,
});
const reported = (id = 'e1', startedAt = '2026-03-02T22:00:00.000Z'): OutreachEvent => ({
  type: 'MissingEpisodeReported',
  data: {
    episodeId: id,
    youngPersonId: 'yp1',
    hubId: 'h1',
    category: 'M',
    startedAt,
    policeInformed: true,
    policeReference: 'REF-1',
    circumstances: 'Did not return',
    reportedBy: worker,
    reportedAt: '2026-03-02T23:00:00.000Z',
  },
});
const returned = (id = 'e1', returnedAt = '2026-03-03T09:00:00.000Z'): OutreachEvent => ({
  type: 'YoungPersonReturned',
  data: {
    episodeId: id,
    youngPersonId: 'yp1',
    hubId: 'h1',
    returnedAt,
    whereFound: 'Friend’s house',
    interviewDueBy: '2026-03-06T09:00:00.000Z',
    windowHours: 72,
  },
});

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

describe('incidents and Regulation 40 notifications', () => {
  it('makes serious incidents, CSE concerns, allegations and serious police call-outs notifiable', () => {
    expect(reg40Recipients('serious_incident', false)).toEqual(['ofsted', 'placing_authority']);
    expect(reg40Recipients('cse_concern', false)).toEqual(['ofsted', 'placing_authority']);
    expect(reg40Recipients('allegation_against_staff', false)).toEqual([
      'ofsted',
      'placing_authority',
    ]);
    expect(reg40Recipients('police_involvement', true)).toEqual(['ofsted', 'placing_authority']);
    expect(reg40Recipients('police_involvement', false)).toEqual([]);
    expect(reg40Recipients('other', true)).toEqual([]);
  });

  it('records each notification once, only to those owed one', () => {
    const incident = {
      ...open,
      incidentId: 'i1',
      youngPersonId: 'yp1',
      kind: 'cse_concern' as const,
      occurredAt: '2026-03-02T21:00:00.000Z',
      summary: 'Concern',
      serious: false,
      involved: [],
      by: worker,
      now: '2026-03-02T22:00:00.000Z',
    };
    const [recorded] = recordIncident.decide(incident, recordIncident.initialState());
    expect(recorded.data).toMatchObject({ notify: ['ofsted', 'placing_authority'] });
    const notify = {
      ...open,
      incidentId: 'i1',
      youngPersonId: 'yp1',
      recipient: 'ofsted' as const,
      notifiedAt: '2026-03-03T09:00:00.000Z',
      method: 'Online form',
      reference: null,
      by: worker,
      now: '2026-03-03T09:05:00.000Z',
    };
    const [sent] = recordNotification.decide(
      notify,
      recordNotification.evolve(recordNotification.initialState(), recorded),
    );
    expect(sent.type).toBe('Reg40NotificationSent');
    deciderSpec(recordNotification)
      .given([recorded, sent])
      .when(notify)
      .thenFails('NOTIFICATION.ALREADY_RECORDED', 'recipient');
    deciderSpec(recordNotification)
      .given([recorded])
      .when({ ...notify, notifiedAt: '2026-03-02T20:00:00.000Z' })
      .thenFails('NOTIFICATION.BEFORE_INCIDENT', 'notifiedAt');
    const other = recordIncident.decide(
      { ...incident, kind: 'other' },
      recordIncident.initialState(),
    );
    deciderSpec(recordNotification)
      .given(other)
      .when(notify)
      .thenFails('NOTIFICATION.NOT_REQUIRED', 'recipient');
  });
});
