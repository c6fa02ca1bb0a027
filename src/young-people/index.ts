export { YoungPeopleModule, youngPeopleProjections } from './young-people.module.js';
export {
  youngPersonStreamId,
  type ReturnDetailsRecorded,
  type YoungPersonEvent,
} from './young-people.events.js';
export { appendSyntheticCases, syntheticCase } from './synthetic-cases.js';
export { readEventsAbout, YOUNG_PERSON_TAG } from './events-about.js';
export { currentKeyWorker } from './case-rules.state.js';
export { evolveCase, initialCase, type YoungPersonCase } from './young-person-case.state.js';
export {
  toCaseSummary,
  type CaseSummary,
  GetCaseSummary,
} from './case-summary/case-summary.query.js';
export type { EventReadFromElsewhere as CaseloadReadsFromElsewhere } from './caseload/events-read-from-elsewhere.js';
export {
  CaseDirectory,
  type CasePastRetention,
  type HubCase,
  type OpenCase,
  type YoungPersonName,
} from './case-directory/case-directory.js';
export { HUB_REGISTER, type HubRegister, type HubStaffMember } from './hub-register.port.js';
export { CARE_HISTORY, type CareHistory } from './care-history.port.js';
export { YOUNG_PEOPLE_SETTINGS_HELP } from './young-people.settings.js';
export {
  TRAY_ENTRIES,
  WorkTray,
  type TrayEntry,
  type TraySection,
  type WorkTraySource,
} from './work-tray/work-tray.js';
export {
  ATTENTION,
  CaseFlags,
  type AttentionKey,
  type CaseBadge,
  type CaseFlagSource,
} from './case-flags/case-flags.js';
export { caseHeaderView, type CasePart } from './web/case-header.js';
export { CasePageFrame } from './web/case-page-frame.js';
export { CaseloadCount } from './caseload/caseload-count.js';
export { GetCaseload, type CaseloadEntry } from './caseload/caseload.query.js';
