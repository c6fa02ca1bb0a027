import type { Projection } from '../../libs/projections/src/index.js';
import { accessProjections } from '../../src/access/index.js';
import { HubPlacementsModule, hubPlacementsProjections } from '../../src/hub-placements/index.js';
import { AuditModule } from '../../src/audit/index.js';
import { HousingModule, housingProjections } from '../../src/housing/index.js';
import { OutreachModule, outreachProjections } from '../../src/outreach/index.js';
import { YoungPeopleModule, youngPeopleProjections } from '../../src/young-people/index.js';

/** The business modules and their read models: the one list every process is composed from. */
export const BUSINESS_MODULES = [
  HubPlacementsModule,
  YoungPeopleModule,
  OutreachModule,
  HousingModule,
  AuditModule,
];

export const ALL_PROJECTIONS: readonly Projection[] = [
  ...hubPlacementsProjections,
  ...youngPeopleProjections,
  ...outreachProjections,
  ...housingProjections,
  ...accessProjections,
];
