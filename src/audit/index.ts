export { AuditModule } from './audit.module.js';
export { CaseHistory } from './case-history.js';
export { foldKnownCase } from './known-case.js';
export type { KnownCase } from './known-case.types.js';
export { chronologyOf } from './chronology.js';
export { VERIFICATION_STREAM } from './audit.queries.js';
export { RECORD_STYLE_HASH } from './subject-access-record.js';
