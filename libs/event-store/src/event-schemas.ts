import type { JsonObject, NewEvent, StoredEvent } from './event-store.port.js';

/**
 * One step in the life of an event type: how a stored event of `type` at `fromVersion` reads at
 * the next version. Stored events are never rewritten; they are read through these.
 */
export interface Upcaster {
  type: string;
  fromVersion: number;
  up(data: JsonObject): JsonObject;
}

/**
 * The current version of each event type and the way from older ones. The stores stamp every new
 * event with its type's current `schemaVersion` and hand every event they read (a stream, the
 * whole log, one event) at the current version, so deciders, projections, as-of views and the
 * chronology all see one shape.
 */
export class EventSchemas {
  private readonly steps = new Map<string, Map<number, Upcaster>>();
  private readonly latest = new Map<string, number>();

  constructor(upcasters: readonly Upcaster[] = []) {
    for (const u of upcasters) {
      const byVersion = this.steps.get(u.type) ?? new Map<number, Upcaster>();
      if (byVersion.has(u.fromVersion))
        throw new Error(`two upcasters of ${u.type} from version ${u.fromVersion}`);
      byVersion.set(u.fromVersion, u);
      this.steps.set(u.type, byVersion);
      this.latest.set(u.type, Math.max(this.latest.get(u.type) ?? 1, u.fromVersion + 1));
    }
    for (const [type, byVersion] of this.steps) {
      for (let v = 1; v < this.latest.get(type)!; v++) {
        if (!byVersion.has(v)) throw new Error(`no upcaster of ${type} from version ${v}`);
      }
    }
  }

  current(type: string): number {
    return this.latest.get(type) ?? 1;
  }

  /** New events carry their type's current version. */
  stamp<E extends NewEvent>(event: E): E {
    const version = this.current(event.type);
    return event.metadata.schemaVersion === version
      ? event
      : { ...event, metadata: { ...event.metadata, schemaVersion: version } };
  }

  /** A stored event at its type's current version (unchanged if it is already). */
  upcast<E extends StoredEvent>(event: E): E {
    const byVersion = this.steps.get(event.type);
    let version = Number(event.metadata.schemaVersion ?? 1);
    if (!byVersion || version >= this.current(event.type)) return event;
    let data = event.data;
    while (version < this.current(event.type)) data = byVersion.get(version++)!.up(data);
    return { ...event, data, metadata: { ...event.metadata, schemaVersion: version } };
  }
}

/** No upcasters: every type at version 1. */
export const NO_SCHEMAS = new EventSchemas();
