import { Module } from '@nestjs/common';
import { Ssda903Controller } from './ssda903/ssda903.controller.js';
import { Ssda903Export } from './ssda903/ssda903-export.js';
import { Ssda903PageController } from './web/ssda903-page.controller.js';

/**
 * Statutory returns made from the case: the SSDA903 looked-after children return. It reads the
 * other capabilities through their doors and writes nothing.
 */
@Module({
  controllers: [Ssda903Controller, Ssda903PageController],
  providers: [Ssda903Export],
  exports: [Ssda903Export],
})
export class ReturnsModule {}
