export { OutcomesModule, outcomesProjections } from './outcomes.module.js';
export * from './outcomes.events.js';
