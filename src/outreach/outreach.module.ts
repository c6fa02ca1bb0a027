import { Module } from '@nestjs/common';
import { ContactsController } from './outreach.controller.js';
import { HubOutreachController } from './hub-outreach.controller.js';
import { IncidentsController } from './incidents/incidents.controller.js';
import { MissingController } from './missing/missing.controller.js';
import { missingBoardProjection } from './missing-board/missing-board.projection.js';
import {
  GetMissingBoardHandler,
  GetMissingEpisodesHandler,
} from './missing-board/missing-board.query.js';
import { incidentsProjection } from './notifications/incidents.projection.js';
import {
  GetIndicatorsHandler,
  GetPendingNotificationsHandler,
} from './notifications/notifications.query.js';
import { outreachHandlers } from './outreach.handlers.js';
import { OutreachWriter } from './outreach-writer.js';
import { contactTimelineProjection } from './timeline/contact-timeline.projection.js';
import {
  GetContactTimelineHandler,
  GetWorkerDayHandler,
} from './timeline/contact-timeline.query.js';

export const outreachProjections = [
  contactTimelineProjection,
  missingBoardProjection,
  incidentsProjection,
];

/** Contacts from the field, missing episodes with return interviews, incidents and Reg 40. */
@Module({
  controllers: [ContactsController, MissingController, IncidentsController, HubOutreachController],
  providers: [
    OutreachWriter,
    ...outreachHandlers,
    GetContactTimelineHandler,
    GetWorkerDayHandler,
    GetMissingBoardHandler,
    GetMissingEpisodesHandler,
    GetPendingNotificationsHandler,
    GetIndicatorsHandler,
  ],
})
export class OutreachModule {}
