import { Controller, Get, Inject, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { ReadsFrom } from '#platform';
import {
  Access,
  ConsentFilter,
  HtmlDocument,
  LogsAccess,
  pageOfCases,
  Requires,
  scopedList,
  type AccessScope,
  type WebRequest,
} from '../../access/index.js';
import {
  daysAgo,
  plural,
  ukDate,
  ukNowLocal,
  WebPages,
  youngPeopleInPage,
} from '../../web/index.js';
import {
  CaseDirectory,
  CaseFlags,
  GetCaseload,
  type CaseBadge,
  type CaseloadEntry,
} from '../../young-people/index.js';
import { OUTREACH_SETTINGS, type OutreachSettings } from '../outreach.settings.js';
import { GetWorkerDay, type WorkerDay } from '../timeline/contact-timeline.query.js';

interface DayEntry {
  youngPersonId: string;
  name: string;
  detail: string;
  overdue: boolean;
  /** Where to go to do it. */
  href: string;
}

/**
 * A worker's day, phone first: what is due for their young people, from every capability, with
 * the most pressing first. Their landing page.
 */
@ApiExcludeController()
@Controller('app')
export class MyDayPageController {
  constructor(
    private readonly pages: WebPages,
    private readonly queryBus: QueryBus,
    private readonly consent: ConsentFilter,
    private readonly flags: CaseFlags,
    private readonly cases: CaseDirectory,
    @Inject(OUTREACH_SETTINGS) private readonly settings: OutreachSettings,
  ) {}

  @Get('my-day')
  @Requires('contact:read', scopedList())
  @ReadsFrom('caseloads', 'contact_timeline', 'missing_board', 'incidents', 'bed_board')
  @LogsAccess('my day page', youngPeopleInPage)
  async myDay(@Req() req: WebRequest, @Access() access: AccessScope) {
    const me = req.user!.id;
    const { response } = await this.consent.keep(
      access,
      await this.queryBus.execute(new GetCaseload({ workerId: me }, 500, undefined, access)),
      pageOfCases,
    );
    const caseload: CaseloadEntry[] = response.items;
    const today = ukNowLocal().slice(0, 10);
    const day: WorkerDay = await this.queryBus.execute(new GetWorkerDay(me, today, access));
    const mine = new Map(caseload.map((c) => [c.youngPersonId, c]));
    const followUps = day.followUpsDue.filter((f) => mine.has(f.youngPersonId));
    const names = await this.cases.namesOf([...new Set(followUps.map((f) => f.youngPersonId))]);
    const nameOf = (id: string) => {
      const n = mine.get(id)?.youngPerson ?? names.get(id);
      return n ? `${n.givenName} ${n.familyName}` : 'Name not known yet';
    };

    // What the other capabilities flag about these young people, hub by hub.
    const raised = await this.flags.ofMany(caseload);
    const flagged = (key: CaseBadge['keys'][number]) =>
      [...raised].flatMap(([id, badges]) =>
        badges
          .filter((b) => b.keys.includes(key))
          .map((b) => ({ id, text: b.text, red: b.classes.includes('red') })),
      );

    const contact = (id: string) => `/app/young-people/${id}/contacts/new`;
    const missing = (id: string) => `/app/young-people/${id}/missing`;
    const sections: { key: string; heading: string; entries: DayEntry[] }[] = [
      {
        key: 'missing',
        heading: 'Missing now',
        entries: flagged('missing_now').map((f) => ({
          youngPersonId: f.id,
          name: nameOf(f.id),
          detail: 'Reported missing or away: record updates and the return',
          overdue: false,
          href: missing(f.id),
        })),
      },
      {
        key: 'follow-ups',
        heading: 'Follow-ups due today or overdue',
        entries: followUps.map((f) => ({
          youngPersonId: f.youngPersonId,
          name: nameOf(f.youngPersonId),
          detail: `${f.action}: ${f.overdue ? 'was due' : 'due'} ${f.due === today ? 'today' : ukDate(f.due)}`,
          overdue: f.overdue,
          href: contact(f.youngPersonId),
        })),
      },
      {
        key: 'return-interviews',
        heading: 'Return home interviews due',
        entries: flagged('return_interview').map((f) => ({
          youngPersonId: f.id,
          name: nameOf(f.id),
          detail: f.text,
          overdue: f.red,
          href: missing(f.id),
        })),
      },
      {
        key: 'no-contact',
        heading: `No contact for ${plural(this.settings.contactDueDays, 'day', 'days')} or more`,
        entries: caseload
          .filter(
            (c) =>
              c.daysSinceLastContact === null ||
              c.daysSinceLastContact >= this.settings.contactDueDays,
          )
          .sort((a, b) => (b.daysSinceLastContact ?? 1e9) - (a.daysSinceLastContact ?? 1e9))
          .map((c) => ({
            youngPersonId: c.youngPersonId,
            name: nameOf(c.youngPersonId),
            detail: `Last contact: ${daysAgo(c.daysSinceLastContact, 'none yet')}`,
            overdue: false,
            href: contact(c.youngPersonId),
          })),
      },
      {
        key: 'reviews',
        heading: 'Pathway plan reviews and birthday records due',
        entries: caseload.flatMap((c) => [
          ...(c.pathwayReview && c.pathwayReview.state !== 'ok'
            ? [
                {
                  youngPersonId: c.youngPersonId,
                  name: nameOf(c.youngPersonId),
                  detail: `Pathway plan review ${c.pathwayReview.state === 'overdue' ? 'overdue since' : 'due by'} ${ukDate(c.pathwayReview.due)}`,
                  overdue: c.pathwayReview.state === 'overdue',
                  href: `/app/young-people/${c.youngPersonId}/plan`,
                },
              ]
            : []),
          ...(c.careLeaverRecordDue
            ? [
                {
                  youngPersonId: c.youngPersonId,
                  name: nameOf(c.youngPersonId),
                  detail: `Birthday record (OC3) for their ${c.careLeaverRecordDue.age}th birthday, by ${ukDate(c.careLeaverRecordDue.by)}`,
                  overdue: false,
                  href: `/app/young-people/${c.youngPersonId}/housing`,
                },
              ]
            : []),
        ]),
      },
      {
        key: 'flags',
        heading: 'Also needing attention',
        entries: [...flagged('reg40_owed'), ...flagged('over_threshold')].map((f) => ({
          youngPersonId: f.id,
          name: nameOf(f.id),
          detail: f.text,
          overdue: false,
          href: `/app/young-people/${f.id}`,
        })),
      },
    ];
    const total = sections.reduce((n, s) => n + s.entries.length, 0);
    return new HtmlDocument(
      '',
      this.pages.page(req, 'my-day.njk', {
        title: 'My day',
        today: ukDate(today),
        summary:
          total === 0
            ? 'Nothing is due for your young people today.'
            : `${plural(total, 'thing', 'things')} to do for ${plural(caseload.length, 'young person', 'young people')} on your caseload.`,
        sections,
      }),
    );
  }
}
