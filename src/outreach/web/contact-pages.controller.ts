import {
  CONTACT_KIND_WORDS,
  PORTFOLIO_WORDS,
  contactFormView,
  contactFromForm,
  CONTACT_WORDS,
} from './contact-form.js';
import { Body, Controller, Get, NotFoundException, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { ReadsFrom, UuidParam, type Page } from '#platform';
import { HtmlDocument } from '../../access/index.js';
import {
  ConsentFilter,
  LogsAccess,
  onCase,
  oneCase,
  Requires,
  scopeFor,
  type WebRequest,
} from '../../access/index.js';
import { AmendContactRequest, LogContactRequest } from '../contacts/contacts.dto.js';
import {
  CONTACT_KINDS,
  PORTFOLIO_AREAS,
  type ContactKind,
  type PortfolioArea,
} from '../outreach.events.js';
import { AmendContactCommand, LogContactCommand } from '../outreach.handlers.js';
import { GetContactTimeline, type ContactView } from '../timeline/contact-timeline.query.js';
import { GetCaseSummary } from '../../young-people/index.js';
import { CasePageFrame } from '../../young-people/index.js';
import { dateTimeFields, ukDate, ukDateTime } from '../../web/index.js';
import { WebPages } from '../../web/index.js';

/** Contacts on a timeline page. */
const TIMELINE_PAGE = 25;

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
  async timeline(
    @UuidParam('id') id: string,
    @Req() req: WebRequest,
    @Query() q: Record<string, string | undefined>,
  ) {
    const summary = await this.queryBus.execute(new GetCaseSummary(id));
    const kind = (CONTACT_KINDS as readonly string[]).includes(q.kind ?? '')
      ? (q.kind as ContactKind)
      : undefined;
    const area = (PORTFOLIO_AREAS as readonly string[]).includes(q.area ?? '')
      ? (q.area as PortfolioArea)
      : undefined;
    // Newest first, a page at a time: "Older contacts" follows the cursor, never a silent cap.
    const cursor = typeof q.cursor === 'string' && q.cursor.length < 200 ? q.cursor : undefined;
    const page: Page<ContactView> = await this.queryBus.execute(
      new GetContactTimeline(id, { kind, area }, TIMELINE_PAGE, cursor),
    );
    const link = (more: Record<string, string | undefined>) => {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries({ kind, area, ...more })) if (v) params.set(k, v);
      const query = params.toString();
      return `/app/young-people/${id}/timeline${query ? `?${query}` : ''}`;
    };
    return new HtmlDocument(
      id,
      this.pages.page(req, 'timeline.njk', {
        title: 'Timeline',
        c: summary,
        header: await this.frame.header(req, summary, 'contacts'),
        mayCorrect:
          summary.status === 'accepted' && scopeFor(req.user!.roles, 'contact:write') !== null,
        filtered: Boolean(kind || area),
        kindItems: [
          { value: '', text: 'Any kind' },
          ...CONTACT_KINDS.map((k) => ({
            value: k,
            text: CONTACT_KIND_WORDS[k],
            selected: k === kind,
          })),
        ],
        areaItems: [
          { value: '', text: 'Any area' },
          ...PORTFOLIO_AREAS.map((a) => ({
            value: a,
            text: PORTFOLIO_WORDS[a],
            selected: a === area,
          })),
        ],
        older: page.nextCursor ? link({ cursor: page.nextCursor }) : null,
        newest: cursor ? link({}) : null,
        contacts: page.items.map((x) => ({
          ...x,
          kindText: CONTACT_KIND_WORDS[x.kind] ?? x.kind,
          areasText: (x.portfolioAreas ?? []).map((a) => PORTFOLIO_WORDS[a] ?? a).join(', '),
          followUpsText: (x.followUps ?? []).map((f) => ({ action: f.action, due: ukDate(f.due) })),
        })),
      }),
    );
  }

  /** Correct a contact: the form starts from what it says now; the history keeps the old. */
  @Get('young-people/:id/contacts/:contactId/correct')
  @Requires('contact:write', onCase())
  @ReadsFrom('contact_timeline')
  @LogsAccess('correct a contact form', oneCase)
  async correctForm(
    @UuidParam('id') id: string,
    @UuidParam('contactId') contactId: string,
    @Req() req: WebRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { frame } = await this.frame.open(req, res, id, 'contacts');
    const contact = await this.contactOf(id, contactId);
    const { values } = frame;
    const now = {
      ...dateTimeFields('occurredAt', contact.occurredAt, true),
      kind: contact.kind,
      notes: contact.notes,
    };
    const shown = { ...now, ...values };
    return new HtmlDocument(
      id,
      this.pages.page(req, 'contact-correct.njk', {
        title: 'Correct a contact',
        ...frame,
        values: shown,
        contact: {
          ...contact,
          kindText: CONTACT_KIND_WORDS[contact.kind] ?? contact.kind,
          // The version it is corrected from: a correction made on an older one is refused.
          version: values.version ?? String(contact.amendments.length),
          amendments: contact.amendments.map((a) => ({ ...a, at: ukDateTime(a.at) })),
        },
        kinds: CONTACT_KINDS.map((k) => ({
          value: k,
          text: CONTACT_KIND_WORDS[k],
          checked: shown.kind === k,
        })),
      }),
    );
  }

  @Post('young-people/:id/contacts/:contactId/correct')
  @Requires('contact:write', onCase())
  correct(
    @UuidParam('id') id: string,
    @UuidParam('contactId') contactId: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    return this.pages.submit(req, res, {
      back: `/app/young-people/${id}/contacts/${contactId}/correct`,
      next: `/app/young-people/${id}/timeline`,
      body,
      type: AmendContactRequest,
      times: { occurredAt: 'When the contact happened' },
      numbers: ['version'],
      words: { ...CONTACT_WORDS, reason: { label: 'why it is corrected' } },
      command: (value, ctx) => AmendContactCommand.from(id, contactId, value, ctx),
      saved: `nwd-form:correct-${contactId}`,
    });
  }

  private async contactOf(id: string, contactId: string): Promise<ContactView> {
    const page = await this.queryBus.execute(new GetContactTimeline(id, {}, 500, undefined));
    const contact = (page.items as ContactView[]).find((c) => c.contactId === contactId);
    if (!contact) throw new NotFoundException();
    return contact;
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
