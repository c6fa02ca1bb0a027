import { Global, Module } from '@nestjs/common';
import { CARE_HISTORY } from '../young-people/index.js';
import { CareHistoryFromLog } from './ssda903/care-history.js';
import { Ssda903Controller } from './ssda903/ssda903.controller.js';
import { Ssda903Export } from './ssda903/ssda903-export.js';
import { Ssda903PageController } from './web/ssda903-page.controller.js';

/**
 * Statutory returns made from the case: the SSDA903 looked-after children return. It reads the
 * other capabilities through their doors and writes nothing. Global: it provides CARE_HISTORY
 * (who the care the case holds makes a care leaver) to housing, which keeps the OC3 records.
 */
@Global()
@Module({
  controllers: [Ssda903Controller, Ssda903PageController],
  providers: [
    Ssda903Export,
    CareHistoryFromLog,
    { provide: CARE_HISTORY, useExisting: CareHistoryFromLog },
  ],
  exports: [Ssda903Export, CARE_HISTORY],
})
export class ReturnsModule {}
