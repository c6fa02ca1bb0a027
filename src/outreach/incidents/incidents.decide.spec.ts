import { describe, expect, it } from '@jest/globals';
import { deciderSpec } from '#testing/decider-spec';
import { open, worker } from '../outreach.test-fixtures.js';
import { recordIncident, recordNotification, reg40Recipients } from './incidents.decide.js';

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
