import { Body, Controller, Get, Post, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { ReadsFrom, UuidParam } from '#platform';
import {
  HtmlDocument,
  LogsAccess,
  onCase,
  oneCase,
  Requires,
  scopeFor,
  type WebRequest,
} from '../../access/index.js';
import {
  dateFromInput,
  ukDate,
  WebPages,
  type FormError,
  type FormWords,
} from '../../web/index.js';
import { CasePageFrame } from '../../young-people/index.js';
import {
  ACCOMMODATION_TYPES,
  LANDLORD_TYPES,
  TENANCY_CONCERNS,
  type AccommodationType,
  type TenancyConcern,
} from '../housing.events.js';
import { MoveRequest } from '../options/housing-option.dto.js';
import { ListHousingOptions, type HousingOptionView } from '../options/housing-options.query.js';
import { MoveCommand } from '../options/move.handler.js';
import {
  CareLeaverRecordRequest,
  EndTenancyRequest,
  ResolveConcernRequest,
  SetPlanRequest,
  StartTenancyRequest,
  TenancyConcernRequest,
} from '../pathway/housing-pathway.dto.js';
import {
  ChangeTenancyCommand,
  RecordCareLeaverCommand,
  SetHousingPlanCommand,
  StartTenancyCommand,
} from '../pathway/housing-pathway.handlers.js';
import { CODE_WORDS, codeOptions } from '#ssda903';
import { ACCOMMODATION_WORDS, CONCERN_WORDS, KIND_WORDS, LANDLORD_WORDS } from './housing-words.js';
import { GetHousingPathway } from '../pathway/housing-pathway.query.js';
import { oc3Window } from '../pathway/care-leaver-record.decide.js';

const MOVE_WORDS: FormWords = {
  where: { label: 'where they move to' },
  accommodation: { label: 'the kind of place' },
  description: { label: 'a description of the place' },
  on: { label: 'the day they move' },
  reason: { label: 'why they move' },
  planned: { label: 'whether the move was planned' },
};
const TENANCY_WORDS: FormWords = {
  landlordType: { label: 'the landlord' },
  start: { label: 'the day the tenancy starts' },
  weeklyRent: { label: 'the weekly rent in pounds' },
  address: { label: 'the address' },
};
const END_WORDS: FormWords = {
  on: { label: 'the day the tenancy ends' },
  reason: { label: 'why it ends' },
  planned: { label: 'whether the ending was planned' },
};

const CONCERN_FORM_WORDS: FormWords = {
  concern: { label: 'what the concern is' },
  on: { label: 'the day it was raised' },
  detail: { label: 'what has happened' },
  arrears: { label: 'the arrears in pounds' },
};
const RESOLVE_WORDS: FormWords = {
  on: { label: 'the day it was resolved' },
  note: { label: 'how it was resolved' },
};
/** The plan's moves are rows 1 to 3 of the form; the request nests them as `targetMoves`. */
const PLAN_ROWS = [0, 1, 2] as const;
const ORDINAL = ['first', 'second', 'third'];
const PLAN_WORDS: FormWords = {
  ...Object.fromEntries(
    PLAN_ROWS.map((i) => [`targetMoves.${i}.to`, { label: `where the ${ORDINAL[i]} move is to` }]),
  ),
  notes: { label: 'notes on the plan' },
};
const OC3_WORDS: FormWords = {
  age: {
    label: 'which birthday the record is for',
    rules: { required: 'Select which birthday the record is for' },
  },
  inTouch: { label: 'whether you are in touch with them' },
  activ: { label: 'their main activity', rules: { required: 'Select their main activity' } },
  accom: { label: 'where they live', rules: { required: 'Select where they live' } },
};

/**
 * Housing in the pages: a young person's accommodation pathway (where they live, moves,
 * tenancies) and the hub's housing options (register, suspend, reinstate).
 */
@ApiExcludeController()
@Controller('app')
export class HousingPagesController {
  constructor(
    private readonly pages: WebPages,
    private readonly queryBus: QueryBus,
    private readonly frame: CasePageFrame,
  ) {}

  private async options(hubId: string): Promise<HousingOptionView[]> {
    return (await this.queryBus.execute(new ListHousingOptions(hubId))).options;
  }

  @Get('young-people/:id/housing')
  @Requires('housing:read', onCase())
  @ReadsFrom('housing_pathway', 'housing_options')
  @LogsAccess('housing page', oneCase)
  async housing(
    @UuidParam('id') id: string,
    @Req() req: WebRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { summary, frame } = await this.frame.open(req, res, id, 'housing');
    const pathway = (await this.queryBus.execute(new GetHousingPathway(id))) as {
      current: { accommodation: AccommodationType; on: string; description: string } | null;
      accommodations: {
        on: string;
        accommodation: AccommodationType;
        description: string;
        reason: string;
        planned: boolean;
      }[];
      tenancies: {
        tenancyId: string;
        landlordType: (typeof LANDLORD_TYPES)[number];
        start: string;
        weeklyRent: number;
        address: string;
        ended: { on: string; reason: string } | null;
        openConcerns: {
          concern: TenancyConcern;
          on: string;
          detail: string;
          arrears: number | null;
        }[];
      }[];
      plan: { targetMoves: { to: string; by: string }[]; notes: string; setOn: string } | null;
      careLeaverRecords: {
        age: number;
        birthday: string;
        inTouch: string;
        activ: string;
        accom: string;
      }[];
    };
    const options = await this.options(summary.hubId);
    const { values } = frame;
    return new HtmlDocument(
      id,
      this.pages.page(req, 'housing.njk', {
        title: 'Housing',
        ...frame,
        current: pathway.current
          ? {
              where:
                ACCOMMODATION_WORDS[pathway.current.accommodation] ?? pathway.current.accommodation,
              since: ukDate(pathway.current.on),
              description: pathway.current.description,
            }
          : null,
        moves: [...pathway.accommodations].reverse().map((a) => ({
          on: ukDate(a.on),
          where: ACCOMMODATION_WORDS[a.accommodation] ?? a.accommodation,
          description: a.description,
          reason: a.reason,
          planned: a.planned,
        })),
        tenancies: pathway.tenancies.map((t) => ({
          ...t,
          landlord: LANDLORD_WORDS[t.landlordType] ?? t.landlordType,
          since: ukDate(t.start),
          endedOn: t.ended ? ukDate(t.ended.on) : null,
          rent: pounds(t.weeklyRent),
          concerns: t.openConcerns.map((c) => ({
            ...c,
            owed: c.arrears ? pounds(c.arrears) : null,
            what: CONCERN_WORDS[c.concern] ?? c.concern,
            since: ukDate(c.on),
          })),
        })),
        // One tenancy at a time: a new one is recorded once the last has ended.
        mayStartTenancy: pathway.tenancies.every((t) => t.ended),
        mayWrite:
          summary.status === 'accepted' && scopeFor(req.user!.roles, 'housing:write') !== null,
        where: [
          ...options
            .filter((o) => !o.suspended && o.vacancies > 0)
            .map((o) => ({
              value: `option:${o.optionId}`,
              text: o.name,
              hint: {
                text: `${KIND_WORDS[o.kind as keyof typeof KIND_WORDS] ?? o.kind}, ${o.vacancies} free, ages ${o.ageRange.min} to ${o.ageRange.max}`,
              },
              checked: values.where === `option:${o.optionId}`,
            })),
          ...(options.length ? [{ divider: 'or' }] : []),
          {
            value: 'other',
            text: 'Somewhere else',
            checked: values.where === 'other',
            conditional: true,
          },
        ],
        kinds: [
          { value: '', text: 'Choose a kind of place' },
          ...ACCOMMODATION_TYPES.map((a) => ({
            value: a,
            text: ACCOMMODATION_WORDS[a],
            selected: values.accommodation === a,
          })),
        ],
        landlords: LANDLORD_TYPES.map((l) => ({
          value: l,
          text: LANDLORD_WORDS[l],
          checked: values.landlordType === l,
        })),
        failed: values.tenancy ?? null,
        failedForm: values.form ?? null,
        plan: pathway.plan
          ? {
              moves: pathway.plan.targetMoves.map((m) => ({ to: m.to, by: ukDate(m.by) })),
              notes: pathway.plan.notes,
              setOn: ukDate(pathway.plan.setOn),
            }
          : null,
        planRows: PLAN_ROWS.map((i) => ({
          i,
          to: values[`to-${i}`] ?? pathway.plan?.targetMoves[i]?.to ?? '',
          // A failed form's dates come back as typed; otherwise the plan's own.
          by: dateBoxes(values, `by-${i}`, pathway.plan?.targetMoves[i]?.by),
        })),
        planNotes: values.notes ?? pathway.plan?.notes ?? '',
        // The concern chosen on a failed form, and the same list unchosen for the other tenancies.
        concernKinds: concernOptions(values.concern),
        concernChoices: concernOptions(undefined),
        records: pathway.careLeaverRecords.map((r) => ({
          age: r.age,
          birthday: ukDate(r.birthday),
          inTouch: CODE_WORDS.IN_TOUCH?.[r.inTouch] ?? r.inTouch,
          activ: codeText('ACTIV', r.activ),
          accom: codeText('ACCOM', r.accom),
        })),
        careLeaver: summary.category === 'care_leaver',
        oc3: {
          ...oc3Due(summary.youngPerson.dateOfBirth, pathway.careLeaverRecords, values.age),
          inTouch: codeOptions('IN_TOUCH').map((o) => ({
            value: o.value,
            // A radio reads as words; the return's code stays in the value.
            text: CODE_WORDS.IN_TOUCH?.[o.value] ?? o.value,
            checked: values.inTouch === o.value,
          })),
          activ: [
            { value: '', text: 'Choose their main activity' },
            ...codeOptions('ACTIV').map((o) => ({ ...o, selected: values.activ === o.value })),
          ],
          accom: [
            { value: '', text: 'Choose where they live' },
            ...codeOptions('ACCOM').map((o) => ({ ...o, selected: values.accom === o.value })),
          ],
        },
      }),
    );
  }

  /** A move: into one of the hub's options (its vacancy and age rules), or anywhere else. */
  @Post('young-people/:id/housing/moves')
  @Requires('housing:write', onCase())
  async move(
    @UuidParam('id') id: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    const back = `/app/young-people/${id}/housing`;
    const where = body.where ?? '';
    const fields = {
      ...body,
      optionId: where.startsWith('option:') ? where.slice('option:'.length) : undefined,
      accommodation: where === 'other' ? body.accommodation : undefined,
    };
    const dates = { on: 'The day they move' };
    if (!where) {
      // Neither an option nor a kind of place: one question, said once, with the rest.
      const { errors } = await this.pages.formWithDates(MoveRequest, fields, dates, MOVE_WORDS);
      const others = errors.filter((e) => !['#optionId', '#accommodation'].includes(e.href));
      const chosen = [{ text: 'Select where they move to', href: '#where' }, ...others];
      return this.pages.failed(req, res, back, chosen, body);
    }
    return this.pages.submit(req, res, {
      back,
      body: fields as Record<string, string>,
      type: MoveRequest,
      dates,
      words: MOVE_WORDS,
      command: (value, ctx) => MoveCommand.from(id, value, ctx),
      saved: 'moved',
    });
  }

  @Post('young-people/:id/tenancies')
  @Requires('housing:write', onCase())
  startTenancy(
    @UuidParam('id') id: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    return this.pages.submit(req, res, {
      back: `/app/young-people/${id}/housing`,
      body,
      numbers: ['weeklyRent'],
      type: StartTenancyRequest,
      dates: { start: 'The day the tenancy starts' },
      words: TENANCY_WORDS,
      command: (value, ctx) => StartTenancyCommand.from(id, value, ctx),
      saved: 'tenancy-started',
    });
  }

  @Post('young-people/:id/tenancies/:tenancyId/end')
  @Requires('housing:write', onCase())
  endTenancy(
    @UuidParam('id') id: string,
    @UuidParam('tenancyId') tenancyId: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    return this.pages.submit(req, res, {
      back: `/app/young-people/${id}/housing`,
      body: { ...body, tenancy: tenancyId },
      type: EndTenancyRequest,
      dates: { on: 'The day the tenancy ends' },
      words: END_WORDS,
      command: (value, ctx) => ChangeTenancyCommand.end(id, tenancyId, value, ctx),
      saved: 'tenancy-ended',
    });
  }

  /** The accommodation plan: up to three moves it aims for, each with a date, and notes. */
  @Post('young-people/:id/housing/plan')
  @Requires('housing:write', onCase())
  setPlan(
    @UuidParam('id') id: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    const back = `/app/young-people/${id}/housing`;
    const wrong: FormError[] = [];
    const targetMoves: { to: string; by?: string }[] = [];
    for (const i of PLAN_ROWS) {
      const to = String(body[`to-${i}`] ?? '').trim();
      const by = dateFromInput(body, `by-${i}`, `The date of the ${ORDINAL[i]} move`);
      if (!to && !by.given) continue;
      if (!to)
        wrong.push({
          text: `Enter where the ${ORDINAL[i]} move is to`,
          href: `#targetMoves.${i}.to`,
        });
      if (!by.given)
        wrong.push({ text: `Enter the date of the ${ORDINAL[i]} move`, href: `#by-${i}-day` });
      else if (by.error) wrong.push(by.error);
      targetMoves.push({ to, by: by.value });
    }
    const shown = { ...body, form: 'plan' };
    if (!targetMoves.length && !String(body.notes ?? '').trim())
      wrong.push({ text: 'Enter a move the plan aims for, or notes', href: '#targetMoves.0.to' });
    if (wrong.length) return this.pages.failed(req, res, back, wrong, shown);
    return this.pages.submit(req, res, {
      back,
      body: { idempotencyKey: body.idempotencyKey, notes: body.notes, targetMoves } as never,
      shown,
      type: SetPlanRequest,
      words: PLAN_WORDS,
      command: (value, ctx) => SetHousingPlanCommand.from(id, value, ctx),
      saved: 'plan-set',
    });
  }

  @Post('young-people/:id/tenancies/:tenancyId/concerns')
  @Requires('housing:write', onCase())
  concern(
    @UuidParam('id') id: string,
    @UuidParam('tenancyId') tenancyId: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    return this.pages.submit(req, res, {
      back: `/app/young-people/${id}/housing`,
      body: { ...body, tenancy: tenancyId, form: 'concern' },
      numbers: ['arrears'],
      type: TenancyConcernRequest,
      dates: { on: 'The day it was raised' },
      words: CONCERN_FORM_WORDS,
      command: (value, ctx) => ChangeTenancyCommand.concern(id, tenancyId, value, ctx),
      saved: 'concern-recorded',
    });
  }

  @Post('young-people/:id/tenancies/:tenancyId/resolve')
  @Requires('housing:write', onCase())
  resolve(
    @UuidParam('id') id: string,
    @UuidParam('tenancyId') tenancyId: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    return this.pages.submit(req, res, {
      back: `/app/young-people/${id}/housing`,
      body: { ...body, tenancy: tenancyId, form: `resolve-${body.concern ?? ''}` },
      type: ResolveConcernRequest,
      dates: { on: 'The day it was resolved' },
      words: RESOLVE_WORDS,
      command: (value, ctx) => ChangeTenancyCommand.resolve(id, tenancyId, value, ctx),
      saved: 'concern-resolved',
    });
  }

  /** SSDA903 OC3: a care leaver's record around their 17th to 21st birthdays. */
  @Post('young-people/:id/care-leaver-records')
  @Requires('housing:write', onCase())
  careLeaver(
    @UuidParam('id') id: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    return this.pages.submit(req, res, {
      back: `/app/young-people/${id}/housing`,
      body: { ...body, form: 'oc3' },
      numbers: ['age'],
      type: CareLeaverRecordRequest,
      words: OC3_WORDS,
      command: (value, ctx) => RecordCareLeaverCommand.from(id, value, ctx),
      saved: 'oc3-recorded',
    });
  }
}

function concernOptions(chosen: string | undefined) {
  return [
    { value: '', text: 'Choose a concern' },
    ...TENANCY_CONCERNS.map((k) => ({ value: k, text: CONCERN_WORDS[k], selected: chosen === k })),
  ];
}

/**
 * The OC3 records that can be made today (each birthday's window, not yet recorded), and when
 * the next one opens.
 */
function oc3Due(dateOfBirth: string, made: { age: number }[], chosen: string | undefined) {
  const today = new Date().toISOString().slice(0, 10);
  const open = [17, 18, 19, 20, 21]
    .filter((age) => !made.some((r) => r.age === age))
    .map((age) => ({ age, ...oc3Window(dateOfBirth, age) }));
  const next = open.find((w) => w.from > today);
  return {
    ages: open
      .filter((w) => w.from <= today && today <= w.to)
      .map((w) => ({
        value: String(w.age),
        text: `${w.age}th birthday`,
        hint: { text: `${ukDate(w.birthday)}, recorded until ${ukDate(w.to)}` },
        checked: chosen === String(w.age),
      })),
    next: next ? { age: next.age, from: ukDate(next.from), birthday: ukDate(next.birthday) } : null,
  };
}

/** "£95.50", "£190". */
function pounds(amount: number) {
  return `£${Number.isInteger(amount) ? amount : amount.toFixed(2)}`;
}

/** A code as "E1: Supported lodgings, suitable". */
function codeText(list: 'ACTIV' | 'ACCOM', code: string) {
  return codeOptions(list).find((o) => o.value === code)?.text ?? code;
}

/** A date input's three boxes: as typed on a failed form, or from a stored date. */
function dateBoxes(values: Record<string, string>, prefix: string, stored?: string) {
  if (values[`${prefix}-day`] !== undefined || values[`${prefix}-year`] !== undefined)
    return {
      day: values[`${prefix}-day`] ?? '',
      month: values[`${prefix}-month`] ?? '',
      year: values[`${prefix}-year`] ?? '',
    };
  const [year = '', month = '', day = ''] = stored ? stored.split('-') : [];
  return { day: day.replace(/^0/, ''), month: month.replace(/^0/, ''), year };
}
