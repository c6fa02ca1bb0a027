import { Module } from '@nestjs/common';
import { ContactsController } from './contacts/contacts.controller.js';
import { MissingBoardController } from './missing-board/missing-board.controller.js';
import { NotificationsController } from './notifications/notifications.controller.js';
import { WorkerDayController } from './timeline/worker-day.controller.js';
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
import { ContactPagesController } from './web/contact-pages.controller.js';
import { MissingBoardPageController } from './web/missing-board-page.controller.js';
import { MissingPagesController } from './web/missing-pages.controller.js';
import { outreachSettingsProvider } from './outreach.settings.js';
import { OutreachTraySource } from './work-tray/outreach-tray.source.js';
import { MyDayPageController } from './web/my-day-page.controller.js';
import { OutboxPageController } from './web/outbox-page.controller.js';
import { OutreachFlagSource } from './case-flags/outreach-flags.source.js';

export const outreachProjections = [
  contactTimelineProjection,
  missingBoardProjection,
  incidentsProjection,
];

/** Contacts from the field, missing episodes with return interviews, incidents and Reg 40. */
@Module({
  controllers: [
    ContactsController,
    MissingController,
    IncidentsController,
    MissingBoardController,
    NotificationsController,
    WorkerDayController,
    ContactPagesController,
    MissingPagesController,
    MissingBoardPageController,
    MyDayPageController,
    OutboxPageController,
  ],
  providers: [
    OutreachTraySource,
    OutreachFlagSource,
    outreachSettingsProvider,
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
