import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CommandBus, type Command } from '@nestjs/cqrs';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import type { Request, Response } from 'express';
import { canonicalJson } from '#event-store';
import { contextFromRequest, ProblemException, type RequestContext } from '#platform';
import { DomainError } from '#kernel';
import type { WebRequest } from '../access/index.js';
import { dateFromInput, dateTimeFromInput } from './date-input.js';
import { shellOf } from './navigation.js';
import { fieldMessage, type FormError, type FormWords } from './form-messages.js';
import { Renderer } from './renderer.js';

/** Only a path inside the app: never an address elsewhere (an open redirect). */
export const safeReturn = (to: unknown) =>
  typeof to === 'string' && /^\/app(\/[\w\-/.?=&%]*)?$/.test(to) ? to : '/app';

/** The young people a rendered page shows (rows carry data-young-person), for the access log. */
export const youngPeopleInPage = (page: unknown) =>
  [
    ...String((page as { html?: string }).html ?? '').matchAll(
      /data-young-person="([0-9a-f-]{36})"/g,
    ),
  ].map((m) => m[1]);

export type { FormError };

/** What every page needs: who is signed in, the CSRF token, the navigation for their roles. */
@Injectable()
export class WebPages {
  constructor(private readonly commandBus: CommandBus) {}

  readonly renderer = new Renderer();

  page(req: Request, view: string, context: Record<string, unknown>): string {
    return this.renderer.render(view, { ...shellOf(req), ...context });
  }

  /**
   * Validates a form with the API's own request class; each field at fault gets one message in
   * plain words (`words`: how the form names its fields), linked from the error summary.
   */
  async form<T extends object>(
    type: new () => T,
    body: unknown,
    words: FormWords = {},
  ): Promise<{ value: T; errors: FormError[] }> {
    const { _csrf: _c, idempotencyKey: _k, ...fields } = (body ?? {}) as Record<string, unknown>;
    const value = plainToInstance(type, clean(fields), { enableImplicitConversion: false });
    const found = await validate(value, { whitelist: true, forbidNonWhitelisted: false });
    return { value, errors: inPageOrder(flatten(found, words), words) };
  }

  /**
   * A form whose dates are asked for with GOV.UK date inputs (`<field>-day`, `-month`, `-year`):
   * `dates` names each such field with how a sentence names it. `times` does the same for a
   * moment asked for as a date and a time (`-time`, 24-hour clock, UK time). A date or time that
   * is not a real one is said once, on the box to fix.
   */
  async formWithDates<T extends object>(
    type: new () => T,
    body: Record<string, unknown>,
    dates: Record<string, string>,
    words: FormWords = {},
    times: Record<string, string> = {},
    numbers: readonly string[] = [],
  ): Promise<{ value: T; errors: FormError[] }> {
    const fields: Record<string, unknown> = { ...body };
    // A number typed in a text box ("12", "90.50") is a number; anything else stays text, so
    // the rule it breaks is named.
    for (const field of numbers) {
      const typed = typeof body[field] === 'string' ? (body[field] as string).trim() : '';
      if (/^\d{1,9}(\.\d{1,2})?$/.test(typed)) fields[field] = Number(typed);
    }
    const wrong: FormError[] = [];
    const read = (field: string, got: { value?: string; error?: FormError }) => {
      fields[field] = got.value;
      if (got.error) wrong.push(got.error);
    };
    for (const [field, label] of Object.entries(dates))
      read(field, dateFromInput(body, field, label));
    for (const [field, label] of Object.entries(times))
      read(field, dateTimeFromInput(body, field, label));
    const { value, errors } = await this.form(type, fields, words);
    const boxes = { ...dates, ...times };
    const onDayBox = (e: FormError) =>
      Object.hasOwn(boxes, e.href.slice(1)) ? { ...e, href: `${e.href}-day` } : e;
    const said = new Set(wrong.map((e) => e.href.replace(/-time$/, '-day')));
    return {
      value,
      errors: inPageOrder(
        [...errors.map(onDayBox).filter((e) => !said.has(e.href)), ...wrong],
        words,
      ),
    };
  }

  /**
   * A form's whole round: validate it (dates from GOV.UK date inputs), run its command through
   * the same bus and handler as the API, and go back with a confirmation (`saved`) or with the
   * errors in plain words.
   */
  async submit<T extends object>(
    req: Request,
    res: Response,
    form: {
      type: new () => T;
      body: Record<string, string>;
      back: string;
      /** Where to go once it is done (with the confirmation); `back` when not given. */
      next?: string;
      command: (value: T, ctx: RequestContext) => Command<unknown>;
      saved: string;
      dates?: Record<string, string>;
      times?: Record<string, string>;
      /** Fields typed as numbers. */
      numbers?: readonly string[];
      words?: FormWords;
      /** What the page shows again when it fails, where the form's boxes are not the body's fields. */
      shown?: Record<string, unknown>;
    },
  ) {
    const { value, errors } = await this.formWithDates(
      form.type,
      form.body,
      form.dates ?? {},
      form.words,
      form.times ?? {},
      form.numbers ?? [],
    );
    const shown = form.shown ?? form.body;
    if (errors.length) return this.failed(req, res, form.back, errors, shown);
    let outcome: unknown;
    try {
      const ctx = this.context(req, form.body.idempotencyKey, value);
      outcome = await this.commandBus.execute(form.command(value, ctx));
    } catch (error) {
      return this.failed(req, res, form.back, this.refusal(error, form.words), shown);
    }
    // The next page waits for its read models to include this write (`?after=`).
    const position = (outcome as { position?: unknown } | undefined)?.position;
    return this.done(
      req,
      res,
      form.next ?? form.back,
      form.saved,
      typeof position === 'number' ? position : undefined,
    );
  }

  /**
   * The request context of a form: the idempotency key comes from the form (made when the page
   * was served), and the request hash from the validated fields, so a retry from another session
   * (another CSRF token) is still the same request.
   */
  context(req: Request, key: string | undefined, value: object): RequestContext {
    const ctx = contextFromRequest(req);
    const valid = typeof key === 'string' && /^[\x21-\x7e]{1,255}$/.test(key);
    return {
      ...ctx,
      idempotencyKey: valid ? key : null,
      requestHash: createHash('sha256')
        .update(`${ctx.scope}\n${canonicalJson(JSON.parse(JSON.stringify(value)))}`)
        .digest('hex'),
    };
  }

  /** After a successful form: back to a page (303), or the address for a script that sent it. */
  done(req: Request, res: Response, to: string, formKey?: string, position?: number) {
    const params = new URLSearchParams();
    if (formKey) params.set('saved', formKey);
    // The next page waits for its read models to include this write (read your own writes).
    if (position !== undefined && position > 0) params.set('after', String(position));
    const query = params.toString();
    const target = query ? `${to}${to.includes('?') ? '&' : '?'}${query}` : to;
    if (req.accepts(['html', 'json']) === 'json') return res.status(200).json({ redirect: target });
    return res.redirect(303, target);
  }

  /** Errors and the values sent, for the page the form goes back to (one read, one minute). */
  flash(res: Response, errors: FormError[], values: Record<string, unknown>) {
    const { _csrf: _c, ...kept } = values;
    res.cookie('nwd_flash', JSON.stringify({ errors, values: kept }).slice(0, 3500), {
      httpOnly: true,
      sameSite: 'lax',
      path: '/app',
      maxAge: 60_000,
    });
  }

  takeFlash(req: Request, res: Response): { errors: FormError[]; values: Record<string, string> } {
    const raw = (req as WebRequest).cookies?.nwd_flash;
    if (!raw) return { errors: [], values: {} };
    res.clearCookie('nwd_flash', { path: '/app' });
    try {
      const parsed = JSON.parse(raw) as { errors: FormError[]; values: Record<string, string> };
      return { errors: parsed.errors ?? [], values: parsed.values ?? {} };
    } catch {
      return { errors: [], values: {} };
    }
  }

  /** Back to the form's page with what went wrong (303). */
  failed(
    req: Request,
    res: Response,
    to: string,
    errors: FormError[],
    values: Record<string, unknown>,
  ) {
    if (req.accepts(['html', 'json']) === 'json') {
      return res.status(422).json({ detail: errors.map((e) => e.text).join('; '), errors });
    }
    this.flash(res, errors, values);
    return res.redirect(303, to);
  }

  /**
   * A refused command, as a line in the error summary: the rule's own sentence (domain errors
   * are written for people), or the field's message from `words`.
   */
  refusal(error: unknown, words: FormWords = {}): FormError[] {
    if (error instanceof DomainError)
      return [{ text: error.message, href: `#${error.field ?? 'main-content'}` }];
    if (error instanceof ProblemException) {
      return error.errors.length
        ? error.errors.map((e) => ({
            text: fieldMessage(e.field, false, { rule: e.message }, words),
            href: `#${e.field}`,
          }))
        : [{ text: error.message, href: '#main-content' }];
    }
    throw error;
  }
}

/**
 * Empty fields are absent; checkbox "true" is true; numbers stay text unless the form says so.
 * A field named `episode.rne` fills `episode: { rne }`, as the request class nests it (and its
 * error comes back on `episode.rne`).
 */
function clean(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    const [outer, inner] = k.split('.', 2);
    const nests = inner !== undefined && !['__proto__', 'constructor', 'prototype'].includes(outer);
    // The group exists even when its fields are empty, so each empty field is named.
    if (nests && (out[outer] === undefined || typeof out[outer] !== 'object')) out[outer] = {};
    if (v === '' || v === undefined) continue;
    const value = v === 'true' ? true : v === 'false' ? false : v;
    if (inner === undefined) out[k] = value;
    else if (nests) (out[outer] as Record<string, unknown>)[inner] = value;
  }
  return out;
}

/** The summary lists errors in the order the page asks (the order a form's words name fields). */
function inPageOrder(errors: FormError[], words: FormWords): FormError[] {
  const order = Object.keys(words);
  const rank = (e: FormError) => {
    const i = order.indexOf(e.href.slice(1).replace(/-(day|time)$/, ''));
    return i === -1 ? order.length : i;
  };
  return errors
    .map((e, i) => ({ e, i }))
    .sort((a, b) => rank(a.e) - rank(b.e) || a.i - b.i)
    .map(({ e }) => e);
}

function flatten(errors: ValidationError[], words: FormWords, prefix = ''): FormError[] {
  return errors.flatMap((e) => {
    const field = `${prefix}${e.property}`;
    const missing = e.value === undefined || e.value === null || e.value === '';
    const own = e.constraints
      ? [{ text: fieldMessage(field, missing, e.constraints, words), href: `#${field}` }]
      : [];
    return [...own, ...flatten(e.children ?? [], words, `${field}.`)];
  });
}
