import { Module } from '@nestjs/common';
import { AuditReportsController, CaseAuditController } from './audit.controller.js';
import {
  GetCaseAsOfHandler,
  GetChronologyHandler,
  GetFieldHistoryHandler,
  GetLatestVerificationHandler,
  GetRetentionReportHandler,
  GetSubjectAccessRecordHandler,
} from './audit.queries.js';
import { CaseHistory } from './case-history.js';
import { AuditPagesController } from './web/audit-pages.controller.js';
import { CaseRecordPagesController } from './web/case-record-pages.controller.js';
import { outreachSettingsProvider } from '../outreach/index.js';

/** Replay a case as it was known, its chronology and field history, subject access, retention. */
@Module({
  controllers: [
    CaseAuditController,
    AuditReportsController,
    AuditPagesController,
    CaseRecordPagesController,
  ],
  providers: [
    outreachSettingsProvider,
    CaseHistory,
    GetCaseAsOfHandler,
    GetChronologyHandler,
    GetFieldHistoryHandler,
    GetSubjectAccessRecordHandler,
    GetRetentionReportHandler,
    GetLatestVerificationHandler,
  ],
  exports: [CaseHistory],
})
export class AuditModule {}
