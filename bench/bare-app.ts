import 'reflect-metadata';
import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

/** The HTTP baseline: a bare Nest route on the same Express platform, no guard, no database. */
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
}

@Module({ controllers: [BareController] })
class BareModule {}

const app = await NestFactory.create(BareModule, { logger: false });
await app.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
process.stdout.write(`listening ${(app.getHttpServer().address() as { port: number }).port}\n`);
