import type { LogContact } from './contacts/contacts.decide.js';
import type { ReportMissing } from './missing/missing.decide.js';
import type { ContactLogged, OutreachEvent } from './outreach.events.js';

/** An open case in hub h1, a worker, and the contacts and missing episodes the specs start from. */
export const open = { caseStatus: 'accepted', hubId: 'h1' };
export const worker = { id: 'ow-1', name: 'Olu Worker' };
export const details = {
  occurredAt: '2026-03-02T18:00:00.000Z',
  kind: 'face_to_face' as const,
  location: 'Café',
  durationMinutes: 30,
  present: [],
  notes: 'Talked about college',
  portfolioAreas: ['education_training_employment' as const],
  followUps: [{ action: 'Ring college', due: '2026-03-05' }],
};
export const log = (over: Partial<LogContact> = {}): LogContact => ({
  ...open,
  contactId: 'c1',
  youngPersonId: 'yp1',
  worker,
  details,
  now: '2026-03-02T19:00:00.000Z',
  lateAfterHours: 24,
  ...over,
});
export const logged = (over: Partial<ContactLogged['data']> = {}): OutreachEvent => ({
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

export const report = (over: Partial<ReportMissing> = {}): ReportMissing => ({
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
export const reported = (id = 'e1', startedAt = '2026-03-02T22:00:00.000Z'): OutreachEvent => ({
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
export const returned = (id = 'e1', returnedAt = '2026-03-03T09:00:00.000Z'): OutreachEvent => ({
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
