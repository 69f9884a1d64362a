import { loginRequestSchema } from '@gridgov/shared';
import { type Request, type Response, Router } from 'express';
import { csrfTokenForSession } from '../../lib/auth/csrf';
import { requireActor } from '../../lib/auth/middleware';
import { createToken } from '../../lib/auth/sessions';
import type { AppContext } from '../../lib/context';
import {
  baseCookieOptions,
  CSRF_COOKIE,
  DEVICE_COOKIE,
  DEVICE_COOKIE_PATH,
  KNOWN_DEVICE_DAYS,
  readCookie,
  SESSION_COOKIE,
} from '../../lib/cookies';
import { describeMe, signIn, signOut } from './auth.service';

const CSRF_RESPONSE_HEADER = 'X-CSRF-Token';

export function createAuthRouter(ctx: AppContext): Router {
  const router = Router();
  const setCsrfCookie = (req: Request, res: Response, token: string) => {
    // Readable by the page (not HttpOnly): the page must copy it into X-CSRF-Token.
    res.cookie(CSRF_COOKIE, token, { ...baseCookieOptions(req, ctx.config), sameSite: 'strict' });
  };

  router.get('/auth/csrf', (req, res) => {
    const sessionToken = req.actor ? readCookie(req, SESSION_COOKIE) : undefined;
    const token = sessionToken
      ? csrfTokenForSession(sessionToken)
      : (readCookie(req, CSRF_COOKIE) ?? createToken());
    setCsrfCookie(req, res, token);
    res.json({ token });
  });

  router.post('/auth/login', async (req, res) => {
    const credentials = loginRequestSchema.parse(req.body);
    const { token, me, deviceToken } = await signIn(ctx, {
      credentials,
      ip: req.ip ?? 'unknown',
      userAgent: req.get('user-agent'),
      previousToken: readCookie(req, SESSION_COOKIE),
      deviceToken: readCookie(req, DEVICE_COOKIE),
    });
    // A new token at every sign-in: a session id planted before login is never promoted.
    res.cookie(SESSION_COOKIE, token, {
      ...baseCookieOptions(req, ctx.config),
      httpOnly: true,
      maxAge: ctx.config.SESSION_TTL_HOURS * 3_600_000,
    });
    if (deviceToken) {
      res.cookie(DEVICE_COOKIE, deviceToken, {
        ...baseCookieOptions(req, ctx.config),
        path: DEVICE_COOKIE_PATH,
        httpOnly: true,
        sameSite: 'strict',
        maxAge: KNOWN_DEVICE_DAYS * 86_400_000,
      });
    }
    // The CSRF token rotates with the session: the one used to sign in is no longer accepted.
    const csrfToken = csrfTokenForSession(token);
    setCsrfCookie(req, res, csrfToken);
    res.setHeader(CSRF_RESPONSE_HEADER, csrfToken);
    res.json(me);
  });

  router.post('/auth/logout', async (req, res) => {
    await signOut(ctx, readCookie(req, SESSION_COOKIE));
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.status(204).end();
  });

  router.get('/me', async (req, res) => {
    res.json(await describeMe(ctx, requireActor(req)));
  });

  return router;
}
