import { activateAccountSchema, changePasswordSchema, loginRequestSchema } from '@gridgov/shared';
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
import { activateAccount, changeOwnPassword } from './account.service';
import { describeMe, type SignedIn, signIn, signOut } from './auth.service';

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

  /** A new session (a new token at every sign-in: one planted before is never promoted). */
  const sendSignedIn = (req: Request, res: Response, { token, me, deviceToken }: SignedIn) => {
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
  };
  const sessionOptions = (req: Request) => ({
    ip: req.ip ?? 'unknown',
    userAgent: req.get('user-agent'),
    previousToken: readCookie(req, SESSION_COOKIE),
    deviceToken: readCookie(req, DEVICE_COOKIE),
  });

  router.post('/auth/login', async (req, res) => {
    const credentials = loginRequestSchema.parse(req.body);
    sendSignedIn(req, res, await signIn(ctx, { ...sessionOptions(req), credentials }));
  });

  router.post('/auth/activate', async (req, res) => {
    const input = activateAccountSchema.parse(req.body);
    sendSignedIn(req, res, await activateAccount(ctx, sessionOptions(req), input));
  });

  // Under /auth so the known-device cookie (path /api/auth) comes along for the throttle.
  router.post('/auth/password', async (req, res) => {
    const source = {
      actor: requireActor(req),
      sessionId: req.sessionId ?? '',
      ip: req.ip ?? 'unknown',
      deviceToken: readCookie(req, DEVICE_COOKIE),
    };
    res.json(await changeOwnPassword(ctx, source, changePasswordSchema.parse(req.body)));
  });

  router.post('/auth/logout', async (req, res) => {
    await signOut(ctx, readCookie(req, SESSION_COOKIE));
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.status(204).end();
  });

  router.get('/me', async (req, res) => {
    res.json(await describeMe(ctx, requireActor(req), req.mustChangePassword ?? false));
  });

  return router;
}
