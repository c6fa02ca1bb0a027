import type { CaseOfPathway } from './housing-pathway.decide.js';

/** A care leaver of 17, open in hub h1, on 1 May 2026. */
export const person: CaseOfPathway = {
  youngPersonId: 'yp1',
  hubId: 'h1',
  caseStatus: 'accepted',
  category: 'care_leaver',
  dateOfBirth: '2008-06-15',
  today: '2026-05-01',
};
