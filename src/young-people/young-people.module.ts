import { Global, Module } from '@nestjs/common';
import { CasePageFrame } from './web/case-page-frame.js';
import { ReferralPagesController } from './web/referral-pages.controller.js';
import { CaseDecisionPagesController } from './web/case-decision-pages.controller.js';
import { PlanPagesController } from './web/plan-pages.controller.js';
import { TeamPagesController } from './web/team-pages.controller.js';
import { FindYoungPeopleHandler } from './find-young-people/find-young-people.query.js';
import { FindPossibleMatchesHandler } from './find-young-people/possible-matches.query.js';
import { YoungPeoplePageController } from './web/young-people-page.controller.js';
import { CloseCaseController } from './close-case/close-case.controller.js';
import { CorrectReferralController } from './correct-referral/correct-referral.controller.js';
import { PlanController } from './plan/plan.controller.js';
import { ScreeningNoteController } from './screening/screening-note.controller.js';
import { StepAwayController } from './step-away/step-away.controller.js';
import { TeamController } from './team/team.controller.js';
import { CloseCaseHandler } from './close-case/close-case.handler.js';
import { CorrectReferralHandler } from './correct-referral/correct-referral.handler.js';
import {
  ChangeGoalStatusHandler,
  ReviewPlanHandler,
  SetGoalHandler,
} from './plan/plan.handlers.js';
import { RecordScreeningNoteHandler } from './screening/screening-note.handler.js';
import { ReopenCaseHandler, StepAwayHandler } from './step-away/step-away.handlers.js';
import {
  AddTeamMemberHandler,
  ChangeTeamMemberHandler,
  EndTeamMemberHandler,
} from './team/team.handlers.js';
import { CaseDirectory } from './case-directory/case-directory.js';
import { CASE_FACTS } from '../access/index.js';
import { CaseFactsFromStreams } from './case-facts.provider.js';
import { CaseloadCount } from './caseload/caseload-count.js';
import { DuplicatesController } from './duplicates/duplicates.controller.js';
import { DecideDuplicateHandler } from './duplicates/duplicates.handlers.js';
import { IdentityRegistry } from './receive-referral/identity-registry.js';
import { ConsentController } from './grant-consent/consent.controller.js';
import { GrantConsentHandler, RevokeConsentHandler } from './grant-consent/consent.handlers.js';
import { AcceptReferralController } from './accept-referral/accept-referral.controller.js';
import { AcceptReferralHandler } from './accept-referral/accept-referral.handler.js';
import { AllocateKeyWorkerController } from './allocate-key-worker/allocate-key-worker.controller.js';
import { AllocateKeyWorkerHandler } from './allocate-key-worker/allocate-key-worker.handler.js';
import { CaseSummaryController } from './case-summary/case-summary.controller.js';
import { GetCaseSummaryHandler } from './case-summary/case-summary.query.js';
import { CaseloadController, HubCaseloadController } from './caseload/caseload.controller.js';
import { caseloadProjection } from './caseload/caseload.projection.js';
import { GetCaseloadHandler } from './caseload/caseload.query.js';
import { DeclineReferralController } from './decline-referral/decline-referral.controller.js';
import { DeclineReferralHandler } from './decline-referral/decline-referral.handler.js';
import { ReceiveReferralController } from './receive-referral/receive-referral.controller.js';
import { ReceiveReferralHandler } from './receive-referral/receive-referral.handler.js';
import { ReferralQueueController } from './referral-queue/referral-queue.controller.js';
import { referralQueueProjection } from './referral-queue/referral-queue.projection.js';
import { GetReferralQueueHandler } from './referral-queue/referral-queue.query.js';
import { CasePagesController } from './web/case-pages.controller.js';
import { CaseloadPageController } from './web/caseload-page.controller.js';
import { youngPeopleSettingsProvider } from './young-people.settings.js';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { CaseTraySource } from './work-tray/case-tray.source.js';
import { WorkTrayBadgeInterceptor } from './work-tray/work-tray-badge.interceptor.js';
import { WorkTray } from './work-tray/work-tray.js';
import { CaseFlags } from './case-flags/case-flags.js';
import { ReturnDetailsPagesController } from './web/return-details-pages.controller.js';
import { ReturnDetailsController } from './return-details/return-details.controller.js';
import { RecordReturnDetailsHandler } from './return-details/return-details.handler.js';
import { WorkTrayPageController } from './web/work-tray-page.controller.js';

export const youngPeopleProjections = [referralQueueProjection, caseloadProjection];

/**
 * Global: the case is what every other capability builds on; they reach it through the ports it
 * exports (CASE_FACTS for the access policy, CaseDirectory for names, CaseloadCount for the
 * staff list), never its tables.
 */
@Global()
@Module({
  controllers: [
    ReceiveReferralController,
    AcceptReferralController,
    DeclineReferralController,
    AllocateKeyWorkerController,
    CaseSummaryController,
    ReferralQueueController,
    CaseloadController,
    HubCaseloadController,
    ConsentController,
    ScreeningNoteController,
    TeamController,
    StepAwayController,
    DuplicatesController,
    PlanController,
    CloseCaseController,
    CorrectReferralController,
    CasePagesController,
    CaseloadPageController,
    YoungPeoplePageController,
    WorkTrayPageController,
    TeamPagesController,
    PlanPagesController,
    CaseDecisionPagesController,
    ReferralPagesController,
    ReturnDetailsController,
    ReturnDetailsPagesController,
  ],
  providers: [
    ReceiveReferralHandler,
    AcceptReferralHandler,
    DeclineReferralHandler,
    AllocateKeyWorkerHandler,
    GetCaseSummaryHandler,
    GetReferralQueueHandler,
    GetCaseloadHandler,
    GrantConsentHandler,
    RevokeConsentHandler,
    CaseFactsFromStreams,
    CaseloadCount,
    IdentityRegistry,
    DecideDuplicateHandler,
    RecordScreeningNoteHandler,
    AddTeamMemberHandler,
    EndTeamMemberHandler,
    ChangeTeamMemberHandler,
    StepAwayHandler,
    ReopenCaseHandler,
    SetGoalHandler,
    ChangeGoalStatusHandler,
    ReviewPlanHandler,
    CloseCaseHandler,
    CorrectReferralHandler,
    RecordReturnDetailsHandler,
    CaseDirectory,
    CasePageFrame,
    FindYoungPeopleHandler,
    FindPossibleMatchesHandler,
    WorkTray,
    CaseFlags,
    CaseTraySource,
    { provide: APP_INTERCEPTOR, useClass: WorkTrayBadgeInterceptor },
    youngPeopleSettingsProvider,
    { provide: CASE_FACTS, useExisting: CaseFactsFromStreams },
  ],
  exports: [CASE_FACTS, CaseDirectory, CaseloadCount, WorkTray, CaseFlags, CasePageFrame],
})
export class YoungPeopleModule {}
