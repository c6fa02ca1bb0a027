import type { SqlExecutor, StoredEvent } from '../../event-store/src/index.js';

/**
 * A read model: the tables it owns (created by `setup` in the schema it is given) and how each
 * event it handles changes them. `apply` must be idempotent for a given event (upsert keyed by the
 * event's stream and revision): a replay or a rebuild over existing rows changes nothing.
 * Bumping `version` rebuilds the read model from the log.
 */
export interface Projection {
  /** snake_case; the tables live in the schema `rm_<name>`. */
  readonly name: string;
  readonly version: number;
  readonly handles: readonly string[];
  setup(db: SqlExecutor, schema: string): Promise<void>;
  apply(db: SqlExecutor, event: StoredEvent, schema: string): Promise<void>;
}

/** The schema a projection's live tables are read from. */
export function schemaOf(projectionName: string): string {
  if (!/^[a-z][a-z0-9_]*$/.test(projectionName)) {
    throw new Error(`projection name must be snake_case: ${projectionName}`);
  }
  return `rm_${projectionName}`;
}
