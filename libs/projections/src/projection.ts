import type { SqlExecutor, StoredEvent } from '#event-store';

/**
 * A read model: the tables it owns (created by `setup` in the schema it is given) and how a batch
 * of the events it handles changes them (in log order, inside the batch's transaction). Applying
 * must be idempotent (rows keyed by the event's stream, changed only by a newer revision): a
 * replay or a rebuild over existing rows changes nothing. Bumping `version` rebuilds it.
 */
export interface Projection {
  /** snake_case; the tables live in the schema `rm_<name>`. */
  readonly name: string;
  readonly version: number;
  readonly handles: readonly string[];
  setup(db: SqlExecutor, schema: string): Promise<void>;
  applyBatch(db: SqlExecutor, events: readonly StoredEvent[], schema: string): Promise<void>;
}

/** For read models with few events: apply them one statement at a time. */
export function eventByEvent(
  apply: (db: SqlExecutor, event: StoredEvent, schema: string) => Promise<void>,
): Projection['applyBatch'] {
  return async (db, events, schema) => {
    for (const event of events) await apply(db, event, schema);
  };
}

/** The schema a projection's live tables are read from. */
export function schemaOf(projectionName: string): string {
  if (!/^[a-z][a-z0-9_]*$/.test(projectionName)) {
    throw new Error(`projection name must be snake_case: ${projectionName}`);
  }
  return `rm_${projectionName}`;
}
