export { HubPlacementsModule, hubPlacementsProjections } from './hub-placements.module.js';
export { HubDirectory } from './hub-directory.js';
export type { Hub } from './hub.js';
