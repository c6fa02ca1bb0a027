export { OutcomesModule, outcomesProjections } from './outcomes.module.js';
export * from './outcomes.events.js';
export { OUTCOMES_SETTINGS_HELP } from './outcomes.settings.js';
export { EvaluationExtract, readEvaluationKey } from './evaluation/evaluation-extract.js';
