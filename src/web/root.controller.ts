import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '#platform';

/** The address the start banner prints leads to the pages (which ask for sign-in first). */
@ApiExcludeController()
@Controller()
export class RootController {
  @Get()
  @Public()
  root(@Res() res: Response) {
    res.redirect(303, '/app');
  }
}
