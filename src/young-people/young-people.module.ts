import { Module } from '@nestjs/common';
import { CASE_FACTS } from '../access/index.js';
import { CaseFactsFromStreams } from './case-facts.provider.js';
import { CaseLifecycleController } from './case-lifecycle.controller.js';
import { CasePlanController } from './case-plan.controller.js';
import { casePlanHandlers } from './case-plan.handlers.js';
import { caseLifecycleHandlers } from './case-lifecycle.handlers.js';
import { CaseloadCount } from './caseload/caseload-count.js';
import { DuplicatesController } from './duplicates/duplicates.controller.js';
import { DecideDuplicateHandler } from './duplicates/duplicates.handlers.js';
import { IdentityRegistry } from './receive-referral/identity-registry.js';
import { ConsentController } from './grant-consent/consent.controller.js';
import { GrantConsentHandler, RevokeConsentHandler } from './grant-consent/consent.handlers.js';
import { HubPlacementsModule } from '../hub-placements/index.js';
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

export const youngPeopleProjections = [referralQueueProjection, caseloadProjection];

@Module({
  imports: [HubPlacementsModule],
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
    CaseLifecycleController,
    DuplicatesController,
    CasePlanController,
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
    ...caseLifecycleHandlers,
    ...casePlanHandlers,
    { provide: CASE_FACTS, useExisting: CaseFactsFromStreams },
  ],
  exports: [CASE_FACTS],
})
export class YoungPeopleModule {}
