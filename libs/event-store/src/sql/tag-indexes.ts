import type { Migration } from './migrator.js';

const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** A tag is a top-level field of event data; its name is written into SQL, so it must be plain. */
export function tagName(tag: string): string {
  if (!PLAIN_NAME.test(tag)) throw new Error(`A tag must be a plain field name: ${tag}`);
  return tag;
}

/**
 * One migration per tag the caller reads by: an index on the field's text and the position,
 * over the events that carry it. A database that already has an index on that expression (made
 * before its tags were declared) keeps it and gets no second one.
 */
export function tagIndexMigrations(tags: readonly string[]): Migration[] {
  return tags.map((tag) => {
    const field = tagName(tag);
    return {
      id: `event-store/tag/${field}`,
      sql: `
DO $do$
BEGIN
  IF NOT EXISTS (
    SELECT FROM pg_indexes WHERE tablename = 'events'
      AND indexdef LIKE '%(data ->> ''${field}''::text)%'
  ) THEN
    CREATE INDEX events_tag_${field.toLowerCase()} ON events ((data->>'${field}'), position)
      WHERE data ? '${field}';
  END IF;
END
$do$;`,
    };
  });
}
