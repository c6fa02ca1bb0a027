import type { EteStatus, FgcStage, JusticeKind, RiskMarker } from './outcomes.events.js';

/** The outcomes' codes in the words the pages use. */
export const JUSTICE_WORDS: Record<JusticeKind, string> = {
  arrest: 'Arrest',
  charge: 'Charge',
  caution: 'Caution',
  conviction: 'Conviction',
};

export const ETE_WORDS: Record<EteStatus, string> = {
  school: 'At school, full time',
  school_part_time: 'At school, part time',
  not_attending: 'On a school roll, not attending',
  excluded: 'Excluded from school',
  education: 'In education',
  training: 'In training or an apprenticeship',
  employment: 'In work',
  neet: 'Not in education, employment or training (NEET)',
};

export const CONCERN_WORDS: Record<RiskMarker, string> = {
  cse: 'Sexual exploitation concern',
  cce: 'Criminal exploitation concern',
  substance_misuse: 'Substance misuse',
  crisis: 'Crisis (A&E or mental health)',
};

export const FGC_WORDS: Record<FgcStage, string> = {
  planned: 'Planned',
  held: 'Held',
  plan_agreed: 'Family plan agreed',
  reviewed: 'Plan reviewed',
};
