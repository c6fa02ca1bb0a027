import type { Projection } from '#projections';
import type { DomainModel } from '#platform';
import { accessProjections } from '../../src/access/index.js';
import { HubPlacementsModule, hubPlacementsProjections } from '../../src/hub-placements/index.js';
import { AuditModule } from '../../src/audit/index.js';
import { ReturnsModule } from '../../src/returns/index.js';
import { OutcomesModule, outcomesProjections } from '../../src/outcomes/index.js';
import { HousingModule, housingProjections, housingUpcasters } from '../../src/housing/index.js';
import { OutreachModule, outreachProjections } from '../../src/outreach/index.js';
import {
  YOUNG_PERSON_TAG,
  YoungPeopleModule,
  youngPeopleProjections,
} from '../../src/young-people/index.js';

/** The business modules and their read models: the one list every process is composed from. */
export const BUSINESS_MODULES = [
  HubPlacementsModule,
  YoungPeopleModule,
  OutreachModule,
  HousingModule,
  AuditModule,
  ReturnsModule,
  OutcomesModule,
];

export const ALL_PROJECTIONS: readonly Projection[] = [
  ...hubPlacementsProjections,
  ...youngPeopleProjections,
  ...outreachProjections,
  ...housingProjections,
  ...accessProjections,
  ...outcomesProjections,
];

/** How stored events of earlier shapes read today, every capability's. */
export const ALL_UPCASTERS = [...housingUpcasters];

/** Read models and event schemas: what `openInfrastructure` opens every process with. */
export const NWD_MODEL: DomainModel = {
  projections: ALL_PROJECTIONS,
  upcasters: ALL_UPCASTERS,
  logTags: [YOUNG_PERSON_TAG],
};
