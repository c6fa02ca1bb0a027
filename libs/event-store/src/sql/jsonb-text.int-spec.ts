import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { jsonbText } from './jsonb-text.js';
import { PgliteDatabase } from './pglite-database.js';

/** jsonbText must print exactly what PostgreSQL prints for jsonb, or bulk-loaded chains break. */
describe('jsonbText', () => {
  let db: PgliteDatabase;
  beforeAll(async () => {
    db = await PgliteDatabase.open();
  });
  afterAll(() => db.close());

  const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small' },
      fc.string({ unit: 'binary' }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('node'), { maxLength: 4 }),
      fc.dictionary(fc.string({ unit: 'binary', maxLength: 6 }), tie('node'), { maxKeys: 5 }),
    ),
  })).node;

  it('prints any object of strings, integers, booleans and null as PostgreSQL does', async () => {
    await fc.assert(
      fc.asyncProperty(value, async (v) => {
        // PostgreSQL refuses \u0000 in jsonb text; such values never reach the log.
        const json = JSON.stringify(v);
        fc.pre(!json.includes('\\u0000'));
        const r = await db.query<{ t: string }>('SELECT $1::jsonb::text AS t', [json]);
        expect(jsonbText(v)).toBe(r.rows[0].t);
      }),
      { numRuns: 300, seed: 20261124 },
    );
  });
});
