import { Module } from '@nestjs/common';
import { outcomeFactsProjection } from './indicators/outcome-facts.projection.js';

export const outcomesProjections = [outcomeFactsProjection];
import { OutcomeRecordController } from './record/outcome-record.controller.js';
import { RecordOutcomeHandler } from './record/outcome-record.handlers.js';
import { OutcomeRecordReader } from './record/outcome-record.reader.js';
import { ConcernFlagSource } from './record/concern-flags.source.js';
import { OutcomePagesController } from './web/outcome-pages.controller.js';
import { OutcomesPageController } from './web/outcomes-page.controller.js';
import { OutcomeIndicators } from './indicators/outcome-indicators.js';
import { OutcomeFacts } from './indicators/outcome-facts.reader.js';
import { OutcomesReportController } from './indicators/outcomes-report.controller.js';
import { outcomesSettingsProvider } from './outcomes.settings.js';
import { EvaluationExtract } from './evaluation/evaluation-extract.js';
import { EvaluationPageController } from './web/evaluation-page.controller.js';

/**
 * Outcomes and evidence: what the evaluation's indicators need of a young person (justice,
 * education and work, concerns, the year before, family group conferences), the outcomes page,
 * and the extract for evaluators.
 */
@Module({
  controllers: [
    OutcomeRecordController,
    OutcomePagesController,
    OutcomesReportController,
    OutcomesPageController,
    EvaluationPageController,
  ],
  providers: [
    RecordOutcomeHandler,
    OutcomeRecordReader,
    ConcernFlagSource,
    OutcomeFacts,
    OutcomeIndicators,
    outcomesSettingsProvider,
    EvaluationExtract,
  ],
  exports: [EvaluationExtract],
})
export class OutcomesModule {}
