import { randomBytes } from 'node:crypto';
import { Body, Controller, Get, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { EventStore } from '#event-store';
import { EVENT_STORE, Public } from '#platform';
import {
  REASON_COOKIE,
  reasonIsValid,
  Requires,
  WEB_SESSIONS,
  type WebRequest,
} from '../access/index.js';
import { listDemoUsers } from './demo-users.js';
import { safeReturn, WebPages } from './web-pages.js';
import { SESSION_COOKIE, type WebSessions } from '../access/index.js';
import { WEB_OIDC, type WebOidc } from './web-oidc.js';

const PRE_CSRF = 'nwd_signin_csrf';

/** Sign-in for the embedded default (demo users), sign-out, and the home page. */
@ApiExcludeController()
@Controller('app')
export class WebAuthController {
  constructor(
    private readonly pages: WebPages,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(WEB_SESSIONS) private readonly sessions: WebSessions,
    @Inject(WEB_OIDC) private readonly provider: WebOidc | null,
  ) {}

  /** With a council provider configured, the demo sign-in is off. */
  private oidc() {
    return this.provider !== null || Boolean(process.env.OIDC_ISSUER);
  }

  @Get('sign-in')
  @Public()
  async signIn(@Req() req: Request, @Res() res: Response, @Query('returnTo') returnTo?: string) {
    const token = randomBytes(18).toString('base64url');
    res.cookie(PRE_CSRF, token, this.sessions.cookieOptions(30));
    const users = this.oidc() ? [] : await listDemoUsers(this.store);
    res.type('html').send(
      this.pages.page(req, 'sign-in.njk', {
        title: 'Sign in',
        users,
        // One list per group (a generated council's hubs), in the order they were registered.
        groups: [...new Set(users.map((u) => u.group ?? 'Demo users'))].map((group, i) => ({
          legend: users.some((u) => u.group) ? group : 'Demo users (generated, not real people)',
          idPrefix: i === 0 ? 'userId' : `userId-${i}`,
          items: users
            .filter((u) => (u.group ?? 'Demo users') === group)
            .map((u) => ({
              value: u.id,
              text: u.name,
              hint: { text: u.roles.join(', ').replaceAll('_', ' ') },
            })),
        })),
        oidc: this.oidc(),
        returnTo: safeReturn(returnTo),
        signInCsrf: token,
      }),
    );
  }

  @Post('sign-in')
  @Public()
  async signInAs(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    if (this.oidc()) {
      res
        .status(403)
        .type('html')
        .send(
          this.pages.page(req, 'error.njk', {
            title: 'Sign in',
            message: 'Sign in through the council’s identity provider.',
          }),
        );
      return;
    }
    if (!body._csrf || body._csrf !== req.cookies?.[PRE_CSRF]) {
      res.redirect(303, `/app/sign-in?returnTo=${encodeURIComponent(safeReturn(body.returnTo))}`);
      return;
    }
    const user = (await listDemoUsers(this.store)).find((u) => u.id === body.userId);
    if (!user) {
      res
        .status(400)
        .type('html')
        .send(
          this.pages.page(req, 'error.njk', {
            title: 'Sign in',
            message: 'Choose one of the demo users.',
          }),
        );
      return;
    }
    res.clearCookie(PRE_CSRF);
    // A new sign-in starts a new visit: no reason given before carries over.
    res.clearCookie(REASON_COOKIE, { path: '/app' });
    res.cookie(
      SESSION_COOKIE,
      await this.sessions.issue(user),
      this.sessions.cookieOptions(this.sessions.minutes),
    );
    res.redirect(303, safeReturn(body.returnTo));
  }

  /**
   * Ends the session on the server (its cookie is refused from now on, by every process). A form
   * like any other: with a live session, the session's CSRF token must come with it, so another
   * site cannot sign a user out; with no live session there is nothing to end.
   */
  @Post('sign-out')
  @Public()
  async signOut(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    const cookie = req.cookies?.[SESSION_COOKIE];
    const session = await this.sessions.read(cookie);
    if (session && body?._csrf !== session.csrf) {
      res
        .status(403)
        .type('html')
        .send(
          this.pages.page(req, 'error.njk', {
            title: 'Sign out',
            message: 'This form has expired; reload the page and sign out again.',
          }),
        );
      return;
    }
    if (session) await this.sessions.end(cookie, new Date());
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.clearCookie(REASON_COOKIE, { path: '/app' });
    // Nothing personal stays in this browser: the kept pages, the outbox, the kept forms and
    // the service worker go (the pages' script has already warned about anything unsent).
    res.setHeader('Clear-Site-Data', '"cache", "storage"');
    res.redirect(303, '/app/sign-in');
  }

  /**
   * Why you are looking (auditors, independent visitors): asked once in a posted form and kept
   * for the visit (a session cookie, not the address); every look until sign-out carries it into
   * the access log. Asked again here to change it.
   */
  @Get('reason')
  @Requires('case:read')
  reasonForm(@Req() req: WebRequest, @Res() res: Response, @Query('returnTo') returnTo?: string) {
    res.type('html').send(
      this.pages.page(req, 'reason.njk', {
        title: 'Why are you looking?',
        returnTo: safeReturn(returnTo),
        values: { reason: req.cookies?.[REASON_COOKIE] ?? '' },
      }),
    );
  }

  @Post('reason')
  @Requires('case:read')
  reason(@Req() req: WebRequest, @Res() res: Response, @Body() body: Record<string, string>) {
    const reason = String(body.reason ?? '').trim();
    const returnTo = safeReturn(body.returnTo);
    if (!reasonIsValid(reason)) {
      const text = reason
        ? 'Enter a reason of 3 to 500 letters, numbers or spaces'
        : 'Enter why you are looking at this record';
      res
        .status(400)
        .type('html')
        .send(
          this.pages.page(req, 'reason.njk', {
            title: 'Why are you looking?',
            returnTo,
            values: { reason },
            errors: [{ text, href: '#reason' }],
          }),
        );
      return;
    }
    res.cookie(REASON_COOKIE, reason, { httpOnly: true, sameSite: 'lax', path: '/app' });
    res.redirect(303, returnTo);
  }

  @Get()
  @Requires('hub:read')
  home(@Req() req: WebRequest, @Res() res: Response) {
    const user = req.user!;
    const hub = user.hubs[0];
    if (user.roles.includes('hub_manager') && hub)
      return res.redirect(303, `/app/hubs/${hub}/referrals`);
    if (user.roles.some((r) => r === 'key_worker' || r === 'outreach_worker'))
      return res.redirect(303, '/app/my-day');
    if (user.roles.includes('auditor')) return res.redirect(303, '/app/audit');
    return res.type('html').send(
      this.pages.page(req, 'error.njk', {
        title: 'Nothing to show',
        message: 'Your role has no pages here.',
      }),
    );
  }
}
