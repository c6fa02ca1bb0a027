import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase } from '#testing/test-database';
import { PostgresDatabase } from './postgres-database.js';

describe('PostgreSQL statements prepared once per connection', () => {
  let db: PostgresDatabase;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    // One connection, so the prepared statements counted are the ones these queries made.
    db = new PostgresDatabase(database.url, { max: 1 });
    await db.exec(`CREATE TABLE things (id int PRIMARY KEY, name text);
      INSERT INTO things VALUES (1, 'one'), (2, 'two'), (3, 'three');`);
  });
  afterAll(async () => {
    await db.close();
    await drop();
  });

  const prepared = async () =>
    (
      await db.query<{ statement: string }>(
        `SELECT statement FROM pg_prepared_statements WHERE $1::bool`,
        [true],
      )
    ).rows.map((r) => r.statement.replace(/\s+/g, ' '));

  it('a query with parameters is prepared once and answers for every value', async () => {
    const sql = 'SELECT name FROM things WHERE id = $1 OR ($2::text IS NOT NULL AND name = $2)';
    const names = [];
    for (const [id, name] of [
      [1, null],
      [2, null],
      [9, 'three'],
      [9, null],
      [3, 'one'],
      [2, null],
      [1, null],
    ] as const) {
      names.push((await db.query<{ name: string }>(sql, [id, name])).rows.map((r) => r.name));
    }
    expect(names).toEqual([['one'], ['two'], ['three'], [], ['one', 'three'], ['two'], ['one']]);
    expect((await prepared()).filter((s) => s === sql)).toHaveLength(1);
  });

  it('a statement whose table changed shape is answered unprepared, in and out of transactions', async () => {
    const sql = 'SELECT * FROM things WHERE id = $1';
    expect((await db.query(sql, [1])).rows).toEqual([{ id: 1, name: 'one' }]);
    await db.exec(`ALTER TABLE things ADD COLUMN colour text DEFAULT 'blue'`);
    expect((await db.query(sql, [1])).rows).toEqual([{ id: 1, name: 'one', colour: 'blue' }]);
    expect(await db.transaction((tx) => tx.query(sql, [2]))).toMatchObject({
      rows: [{ id: 2, name: 'two', colour: 'blue' }],
    });
  });

  it('queries without parameters are not prepared', async () => {
    await db.query(`SELECT count(*) FROM things`);
    expect((await prepared()).some((s) => s.includes('count(*)'))).toBe(false);
  });
});
