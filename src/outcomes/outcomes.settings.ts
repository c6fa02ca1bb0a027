import { NWD_CONFIG, wholeNumber, type NwdConfig } from '#platform';
import type { UnitCosts } from './indicators/indicators.js';

export const OUTCOMES_SETTINGS = Symbol('OUTCOMES_SETTINGS');

/** Illustrative defaults only: a council sets its own unit costs. */
export const OUTCOMES_SETTINGS_HELP: [name: string, meaning: string][] = [
  [
    'UNIT_COST_RESIDENTIAL_NIGHT',
    'pounds a night in residential care, for the outcomes page (default 800)',
  ],
  ['UNIT_COST_HUB_BED_NIGHT', 'pounds a night in a hub bed (default 450)'],
  ['UNIT_COST_FAMILY_NIGHT', 'pounds a night with a community family (default 100)'],
];

export const outcomesSettingsProvider = {
  provide: OUTCOMES_SETTINGS,
  inject: [NWD_CONFIG],
  useFactory: (config: NwdConfig): UnitCosts => ({
    residentialNight: wholeNumber(config.env, 'UNIT_COST_RESIDENTIAL_NIGHT', 800),
    hubBedNight: wholeNumber(config.env, 'UNIT_COST_HUB_BED_NIGHT', 450),
    familyNight: wholeNumber(config.env, 'UNIT_COST_FAMILY_NIGHT', 100),
  }),
};
