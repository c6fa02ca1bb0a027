import { NWD_CONFIG, wholeNumber, type NwdConfig } from '#platform';

/** The case's settings, read from the environment once, at start. */
export interface YoungPeopleSettings {
  /** Accepted cases a key worker holds before an allocation needs an override. */
  keyWorkerCaseloadLimit: number;
}

export const YOUNG_PEOPLE_SETTINGS = Symbol('YOUNG_PEOPLE_SETTINGS');

export const YOUNG_PEOPLE_SETTINGS_HELP: [name: string, meaning: string][] = [
  [
    'KEY_WORKER_CASELOAD_LIMIT',
    'young people per key worker before allocating needs an override (default 8)',
  ],
];

export const youngPeopleSettingsProvider = {
  provide: YOUNG_PEOPLE_SETTINGS,
  inject: [NWD_CONFIG],
  useFactory: (config: NwdConfig): YoungPeopleSettings => ({
    keyWorkerCaseloadLimit: wholeNumber(config.env, 'KEY_WORKER_CASELOAD_LIMIT', 8),
  }),
};
