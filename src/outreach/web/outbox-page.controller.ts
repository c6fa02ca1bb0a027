import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Requires, type WebRequest } from '../../access/index.js';
import { WebPages } from '../../web/index.js';

/**
 * The outbox: what was recorded on this phone and not yet on the server. The list lives on the
 * phone (IndexedDB), so the page the server sends names no one; the pages' script fills it in.
 */
@ApiExcludeController()
@Controller('app')
export class OutboxPageController {
  constructor(private readonly pages: WebPages) {}

  @Get('outbox')
  @Requires('contact:write')
  outbox(@Req() req: WebRequest, @Res({ passthrough: true }) res: Response) {
    res.type('html');
    return this.pages.page(req, 'outbox.njk', { title: 'Outbox' });
  }
}
