import { fold } from '#kernel';
import type { YoungPersonEvent } from './young-people.events.js';
import { evolveCase, initialCase, type YoungPersonCase } from './young-person-case.state.js';

/** An accepted case with a key worker and a safety lead, and a step away (generated data). */
export const at = '2026-04-01T09:00:00.000Z';
export const accepted: YoungPersonEvent = {
  type: 'ReferralAccepted',
  data: { youngPersonId: 'yp1', acceptedAt: at },
};
export const kw: YoungPersonEvent = {
  type: 'KeyWorkerAllocated',
  data: {
    youngPersonId: 'yp1',
    workerId: 'w1',
    workerName: 'W',
    previousWorkerId: null,
    allocatedAt: at,
  },
};
export const lead: YoungPersonEvent = {
  type: 'TeamMemberAdded',
  data: {
    youngPersonId: 'yp1',
    memberId: 'm1',
    role: 'portfolio_lead_safety',
    name: 'Sam Safety',
    organisation: null,
    from: '2026-04-02',
  },
};
export const away: YoungPersonEvent = {
  type: 'CaseSteppedAway',
  data: { youngPersonId: 'yp1', reason: 'Stable at home', on: '2026-09-01', recordedAt: at },
};
export const foldCase = (events: YoungPersonEvent[]) =>
  fold<YoungPersonEvent, YoungPersonCase>(
    { evolve: evolveCase, initialState: initialCase },
    events,
  );
