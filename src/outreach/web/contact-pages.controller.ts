import {
  CONTACT_KIND_WORDS,
  PORTFOLIO_WORDS,
  contactFormView,
  contactFromForm,
  CONTACT_WORDS,
} from './contact-form.js';
import { Body, Controller, Get, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { ReadsFrom, UuidParam } from '#platform';
import { HtmlDocument } from '../../access/index.js';
import {
  ConsentFilter,
  LogsAccess,
  onCase,
  oneCase,
  Requires,
  type WebRequest,
} from '../../access/index.js';
import { LogContactRequest } from '../contacts/contacts.dto.js';
import { CONTACT_KINDS } from '../outreach.events.js';
import { LogContactCommand } from '../outreach.handlers.js';
import { GetContactTimeline, type ContactView } from '../timeline/contact-timeline.query.js';
import { GetCaseSummary } from '../../young-people/index.js';
import { CasePageFrame } from '../../young-people/index.js';
import { dateTimeFields, ukDate } from '../../web/index.js';
import { WebPages } from '../../web/index.js';

/** The outreach worker's contact pages, phone first: timeline, log a contact (offline too). */

@ApiExcludeController()
@Controller('app')
export class ContactPagesController {
  constructor(
    private readonly pages: WebPages,
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    private readonly frame: CasePageFrame,
    private readonly consent: ConsentFilter,
  ) {}

  @Get('young-people/:id/timeline')
  @Requires('contact:read', onCase())
  @ReadsFrom('contact_timeline')
  @LogsAccess('timeline page', oneCase)
  async timeline(@UuidParam('id') id: string, @Req() req: WebRequest) {
    const summary = await this.queryBus.execute(new GetCaseSummary(id));
    const page = await this.queryBus.execute(new GetContactTimeline(id, {}, 100, undefined));
    return new HtmlDocument(
      id,
      this.pages.page(req, 'timeline.njk', {
        title: 'Timeline',
        c: summary,
        header: await this.frame.header(req, summary, 'contacts'),
        contacts: page.items.map((x: ContactView) => ({
          ...x,
          kindText: CONTACT_KIND_WORDS[x.kind] ?? x.kind,
          areasText: (x.portfolioAreas ?? []).map((a) => PORTFOLIO_WORDS[a] ?? a).join(', '),
          followUpsText: (x.followUps ?? []).map((f) => ({ action: f.action, due: ukDate(f.due) })),
        })),
      }),
    );
  }

  @Get('young-people/:id/contacts/new')
  @Requires('contact:write', onCase())
  @LogsAccess('contact form', oneCase)
  async contactForm(
    @UuidParam('id') id: string,
    @Req() req: WebRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { frame } = await this.frame.open(req, res, id, 'contacts');
    const { values } = frame;
    const now = dateTimeFields('occurredAt', new Date().toISOString());
    return new HtmlDocument(
      id,
      this.pages.page(req, 'contact-form.njk', {
        title: 'Log a contact',
        ...frame,
        values: { ...now, ...values },
        // A refused contact keeps its key: sent again, it is the same contact.
        key: values.idempotencyKey ?? frame.key,
        ...contactFormView(values),
        kinds: CONTACT_KINDS.map((k) => ({
          value: k,
          text: CONTACT_KIND_WORDS[k],
          checked: values.kind === k,
        })),
      }),
    );
  }

  @Post('young-people/:id/contacts')
  @Requires('contact:write', onCase())
  async logContact(
    @UuidParam('id') id: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    const back = `/app/young-people/${id}/contacts/new`;
    const { fields, wrong } = contactFromForm(body);
    if (wrong.length) return this.pages.failed(req, res, back, wrong, body);
    const { value, errors } = await this.pages.formWithDates(
      LogContactRequest,
      fields,
      {},
      CONTACT_WORDS,
      { occurredAt: 'When the contact happened' },
      ['durationMinutes'],
    );
    if (errors.length) return this.pages.failed(req, res, back, errors, body);
    let position: number;
    try {
      const ctx = this.pages.context(req, body.idempotencyKey, value);
      ({ position } = await this.commandBus.execute(LogContactCommand.from(id, value, ctx)));
    } catch (error) {
      return this.pages.failed(req, res, back, this.pages.refusal(error), body);
    }
    const to = `/app/young-people/${id}/timeline`;
    return this.pages.done(req, res, to, `nwd-form:contact-${id}`, position);
  }
}
