export { HubPlacementsModule, hubPlacementsProjections } from './hub-placements.module.js';
export { HubDirectory, type HubRegistration } from './hub-directory.js';
export type { Hub } from './hub.state.js';
export { type CommunityFamilyEvent } from './community-families/community-family.events.js';
export { type HubEvent } from './hub-placements.events.js';
