import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '#platform';
import { WEB_SESSIONS, type WebRequest } from '../access/index.js';
import { userFromClaims } from '../access/index.js';
import { WEB_OIDC, type WebOidc } from './web-oidc.js';
import { safeReturn, WebPages } from './web-pages.js';
import { REASON_COOKIE, SESSION_COOKIE, type WebSessions } from '../access/index.js';

const CHECK_COOKIE = 'nwd_oidc';

/**
 * Sign-in through the council's OpenID provider: the authorisation code flow with PKCE (S256),
 * state and nonce kept in a short signed cookie, the ID token's claims mapped to a user exactly as
 * the API maps bearer tokens' claims.
 */
@ApiExcludeController()
@Controller('app/auth')
export class WebOidcController {
  constructor(
    private readonly pages: WebPages,
    @Inject(WEB_SESSIONS) private readonly sessions: WebSessions,
    @Inject(WEB_OIDC) private readonly oidc: WebOidc | null,
  ) {}

  /** From configuration only: a request's Host header must not steer the sign-in. */
  private redirectUri() {
    return this.oidc?.settings.redirectUri || `${this.sessions.publicUrl}/app/auth/callback`;
  }

  private refuse(req: Request, res: Response, status: number, message: string) {
    res
      .status(status)
      .type('html')
      .send(this.pages.page(req, 'error.njk', { title: 'Sign in', message }));
  }

  @Get('oidc')
  @Public()
  async start(@Req() req: Request, @Res() res: Response, @Query('returnTo') returnTo?: string) {
    if (!this.oidc)
      return this.refuse(req, res, 404, 'No council identity provider is configured.');
    const { url, check } = await this.oidc.start(this.redirectUri());
    const sealed = await this.sessions.seal({ ...check, returnTo: safeReturn(returnTo) }, 10);
    res.cookie(CHECK_COOKIE, sealed, { ...this.sessions.cookieOptions(10), path: '/app/auth' });
    return res.redirect(303, url);
  }

  @Get('callback')
  @Public()
  async callback(@Req() req: WebRequest, @Res() res: Response) {
    if (!this.oidc)
      return this.refuse(req, res, 404, 'No council identity provider is configured.');
    const check = await this.sessions.unseal(req.cookies?.[CHECK_COOKIE]);
    res.clearCookie(CHECK_COOKIE, { path: '/app/auth' });
    if (!check)
      return this.refuse(
        req,
        res,
        400,
        'The sign-in took too long or was not started here. Try again.',
      );
    let claims: Record<string, unknown>;
    try {
      // The provider answered at the registered redirect address: the query is all it adds.
      const here = new URL(this.redirectUri());
      here.search = new URL(req.originalUrl, 'http://callback.invalid').search;
      claims = await this.oidc.finish(
        here,
        check as { verifier: string; state: string; nonce: string },
      );
    } catch {
      return this.refuse(
        req,
        res,
        400,
        'The identity provider’s answer could not be checked. Try again.',
      );
    }
    const user = userFromClaims(claims, this.oidc.settings.claims);
    if (!user || user.roles.length === 0) {
      return this.refuse(
        req,
        res,
        403,
        'Your account has no role in nwd-hub. Ask your administrator.',
      );
    }
    res.clearCookie(REASON_COOKIE, { path: '/app' });
    res.cookie(
      SESSION_COOKIE,
      await this.sessions.issue(user),
      this.sessions.cookieOptions(this.sessions.minutes),
    );
    return res.redirect(303, safeReturn(check.returnTo));
  }
}
