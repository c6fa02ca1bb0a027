import 'reflect-metadata';
import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import pg from 'pg';

/** With DATABASE_URL, the /bare/db routes make a request's round trips to PostgreSQL too. */
const pool = process.env.DATABASE_URL
  ? new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 8 })
  : null;
let written = 0;

/**
 * The HTTP baselines: bare Nest routes on the same Express platform, no guard, no validation.
 * - `/bare`: no database at all (#28's baseline).
 * - `/bare/db`: the same route making the round trips the API makes for the request, with no
 *   work between them. A logged contact is 3.5 statements (two stream reads, half a case-directory
 *   read, the append and its commit): here two indexed reads and one single-row INSERT in
 *   autocommit, half a statement fewer. A caseload read is the query and the access log's append:
 *   here one indexed read and one INSERT.
 */
@Controller('bare')
class BareController {
  @Get()
  read() {
    return { items: [{ youngPersonId: 'x', name: 'Generated Person' }] };
  }

  @Post()
  write(@Body() body: unknown) {
    return { ok: true, received: typeof body };
  }

  @Get('db')
  async readDb() {
    const { rows } = await pool!.query('SELECT id, body FROM bare_rows WHERE id = $1', [
      1 + (written % 1000),
    ]);
    await pool!.query('INSERT INTO bare_writes (body) VALUES ($1)', ['{"read":true}']);
    return { items: rows };
  }

  @Post('db')
  async writeDb(@Body() body: unknown) {
    for (let i = 0; i < 2; i++) {
      await pool!.query('SELECT id, body FROM bare_rows WHERE id = $1', [
        1 + ((written + i) % 1000),
      ]);
    }
    await pool!.query('INSERT INTO bare_writes (body) VALUES ($1)', [JSON.stringify(body)]);
    written++;
    return { ok: true };
  }
}

@Module({ controllers: [BareController] })
class BareModule {}

if (pool) {
  await pool.query(`CREATE TABLE IF NOT EXISTS bare_writes (id bigserial PRIMARY KEY, body jsonb);
    CREATE TABLE IF NOT EXISTS bare_rows (id int PRIMARY KEY, body jsonb);
    INSERT INTO bare_rows SELECT g, jsonb_build_object('n', g) FROM generate_series(1, 1000) g
      ON CONFLICT DO NOTHING`);
}
const app = await NestFactory.create(BareModule, { logger: false });
await app.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
process.stdout.write(`listening ${(app.getHttpServer().address() as { port: number }).port}\n`);
