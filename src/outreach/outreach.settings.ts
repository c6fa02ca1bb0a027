import { NWD_CONFIG, wholeNumber, type NwdConfig } from '#platform';

/** Outreach's settings, read from the environment once, at start. */
export interface OutreachSettings {
  /** Hours after a return by which a return home interview must be offered. */
  returnInterviewWindowHours: number;
  /** A contact recorded more than this many hours after it happened is shown as late-recorded. */
  lateRecordingHours: number;
  /** A young person with no contact for this many days shows in their key worker's day. */
  contactDueDays: number;
}

export const OUTREACH_SETTINGS = Symbol('OUTREACH_SETTINGS');

export const OUTREACH_SETTINGS_HELP: [name: string, meaning: string][] = [
  [
    'RETURN_INTERVIEW_WINDOW_HOURS',
    'hours after a return to offer a return home interview (default 72)',
  ],
  ['LATE_RECORDING_HOURS', 'a contact recorded this many hours after it is late (default 24)'],
  [
    'CONTACT_DUE_DAYS',
    'a young person with no contact for this many days shows in their worker’s day (default 7)',
  ],
];

export const outreachSettingsProvider = {
  provide: OUTREACH_SETTINGS,
  inject: [NWD_CONFIG],
  useFactory: (config: NwdConfig): OutreachSettings => ({
    returnInterviewWindowHours: Math.max(
      1,
      wholeNumber(config.env, 'RETURN_INTERVIEW_WINDOW_HOURS', 72),
    ),
    lateRecordingHours: wholeNumber(config.env, 'LATE_RECORDING_HOURS', 24),
    contactDueDays: Math.max(1, wholeNumber(config.env, 'CONTACT_DUE_DAYS', 7)),
  }),
};
