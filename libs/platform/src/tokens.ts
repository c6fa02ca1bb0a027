/** Injection tokens for what the platform provides to every module. */
export const EVENT_STORE = Symbol('EVENT_STORE');
export const READ_DB = Symbol('READ_DB');
export const PROJECTION_RUNNER = Symbol('PROJECTION_RUNNER');
export const NWD_CONFIG = Symbol('NWD_CONFIG');
export const NWD_METRICS = Symbol('NWD_METRICS');
export const LIFECYCLE = Symbol('LIFECYCLE');
