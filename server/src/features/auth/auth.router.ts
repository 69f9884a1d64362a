import { loginRequestSchema } from '@gridgov/shared';
import { Router } from 'express';
import { requireActor } from '../../lib/auth/middleware';
import { createToken } from '../../lib/auth/sessions';
import type { AppContext } from '../../lib/context';
import { baseCookieOptions, CSRF_COOKIE, readCookie, SESSION_COOKIE } from '../../lib/cookies';
import { describeMe, signIn, signOut } from './auth.service';

export function createAuthRouter(ctx: AppContext): Router {
  const router = Router();

  router.get('/auth/csrf', (req, res) => {
    const token = readCookie(req, CSRF_COOKIE) ?? createToken();
    // Readable by the page (not HttpOnly): the page must copy it into X-CSRF-Token.
    res.cookie(CSRF_COOKIE, token, { ...baseCookieOptions(req, ctx.config), sameSite: 'strict' });
    res.json({ token });
  });

  router.post('/auth/login', async (req, res) => {
    const credentials = loginRequestSchema.parse(req.body);
    const { token, me } = await signIn(ctx, {
      credentials,
      ip: req.ip ?? 'unknown',
      userAgent: req.get('user-agent'),
      previousToken: readCookie(req, SESSION_COOKIE),
    });
    // A new token at every sign-in: a session id planted before login is never promoted.
    res.cookie(SESSION_COOKIE, token, {
      ...baseCookieOptions(req, ctx.config),
      httpOnly: true,
      maxAge: ctx.config.SESSION_TTL_HOURS * 3_600_000,
    });
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
