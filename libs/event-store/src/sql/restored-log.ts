import type { SqlDatabase } from './sql-database.js';

/**
 * Transaction ids are not portable: a log restored from a logical dump (pg_dump) into another
 * cluster keeps the ids of the cluster it came from, which can be above the new cluster's own
 * counter. Readers take only events below the oldest running transaction, so such a log would
 * read as empty and projections would never see an event again.
 */
export async function restoredFromAnotherCluster(db: SqlDatabase): Promise<boolean> {
  const r = await db.query<{ restored: boolean }>(
    `SELECT coalesce(
       (SELECT transaction_id FROM events ORDER BY transaction_id DESC LIMIT 1)
         > pg_snapshot_xmax(pg_current_snapshot()),
       false) AS restored`,
  );
  return r.rows[0].restored;
}

/** Marks every event already in the log; below any transaction id this cluster will give. */
const REBASED = '2';

/**
 * Re-bases a restored log so it reads again, as the schema's owner: every event already in the
 * log gets the same transaction id below this cluster's (they all committed long ago, so their
 * order is their position), and every projection checkpoint is moved to that id at the position
 * it had reached. No event's content changes (the hash chain covers content, not transaction
 * ids); the append-only triggers are off only inside this one transaction. Returns how many
 * events were re-based.
 */
export async function rebaseRestoredLog(db: SqlDatabase): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.exec('LOCK TABLE events IN EXCLUSIVE MODE');
    await tx.exec('ALTER TABLE events DISABLE TRIGGER events_no_update');
    const r = await tx.query(`UPDATE events SET transaction_id = '${REBASED}'::xid8`);
    await tx.exec('ALTER TABLE events ENABLE TRIGGER events_no_update');
    const checkpoints = await tx.query<{ t: string | null }>(
      "SELECT to_regclass('projection_checkpoints')::text AS t",
    );
    if (checkpoints.rows[0].t) {
      await tx.query(
        `UPDATE projection_checkpoints SET transaction_id = '${REBASED}' WHERE position > 0`,
      );
    }
    return r.rowCount;
  });
}
