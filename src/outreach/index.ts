export { OutreachModule, outreachProjections } from './outreach.module.js';
export * from './outreach.events.js';
export { appendCaseOf } from './synthetic-contacts.js';
export { type ContactDetails, type OutreachEvent } from './outreach.events.js';
export { evolveOutreach, initialOutreach } from './outreach-record.state.js';
export {
  OUTREACH_SETTINGS,
  OUTREACH_SETTINGS_HELP,
  outreachSettingsProvider,
  type OutreachSettings,
} from './outreach.settings.js';
