export { OutreachModule, outreachProjections } from './outreach.module.js';
export * from './outreach.events.js';
