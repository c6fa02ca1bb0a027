import { describe, expect, it } from '@jest/globals';
import { fold } from '#kernel';
import { deciderSpec } from '#testing/decider-spec';
import { details, log, logged, open, worker } from '../outreach.test-fixtures.js';
import { amendContact, logContact } from './contacts.decide.js';

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
      basedOn: null,
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

  it('refuses a correction made on an older version of the contact, naming what it says now', () => {
    const amend = {
      ...open,
      contactId: 'c1',
      youngPersonId: 'yp1',
      reason: 'Typo',
      by: worker,
      now: '2026-03-03T08:00:00.000Z',
    };
    const first = amendContact.decide(
      { ...amend, basedOn: 0, changes: { notes: 'Corrected by the manager' } },
      fold(amendContact, [logged()]),
    );
    expect(first).toHaveLength(1);
    // The worker opened version 0 too, offline: theirs arrives second, and is refused.
    deciderSpec(amendContact)
      .given([logged(), ...first])
      .when({ ...amend, basedOn: 0, changes: { notes: 'Corrected on the phone' } })
      .thenFails('CONTACT.CHANGED_SINCE', 'version');
    expect(() =>
      amendContact.decide(
        { ...amend, basedOn: 0, changes: { notes: 'Corrected on the phone' } },
        fold(amendContact, [logged(), ...first]),
      ),
    ).toThrow(/it now reads: “Corrected by the manager”/);
    deciderSpec(amendContact)
      .given([logged(), ...first])
      .when({ ...amend, basedOn: 1, changes: { notes: 'Corrected on the phone' } })
      .then([expect.objectContaining({ type: 'ContactAmended' })] as never);
  });
});
