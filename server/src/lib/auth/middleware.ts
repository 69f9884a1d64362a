import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { AppContext } from '../context';
import { CSRF_COOKIE, readCookie, SESSION_COOKIE } from '../cookies';
import { AppError } from '../errors';
import { csrfTokenForSession } from './csrf';
import { type Actor, buildActorScope } from './scope';
import { findLiveSession } from './sessions';

declare module 'express-serve-static-core' {
  interface Request {
    actor?: Actor;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * CSRF check on every state-changing request. Signed in: X-CSRF-Token must be the token derived from
 * this session (bound to it, new at every sign-in). Not signed in (sign-in itself): double-submit, the
 * header repeats the gridgov_csrf cookie. Runs after loadActor.
 */
export function checkCsrf(req: Request, _res: Response, next: NextFunction): void {
  if (SAFE_METHODS.has(req.method)) {
    next();
    return;
  }
  const header = req.get('x-csrf-token');
  const sessionToken = req.actor ? readCookie(req, SESSION_COOKIE) : undefined;
  const expected = sessionToken ? csrfTokenForSession(sessionToken) : readCookie(req, CSRF_COOKIE);
  const isValid = Boolean(expected && header && safeEqual(expected, header));
  const message = 'Missing or invalid CSRF token: GET /api/auth/csrf and send it in X-CSRF-Token';
  next(isValid ? undefined : new AppError('csrf_failed', message));
}

/** Loads the signed-in person (if any) with their roles and scope. */
export function loadActor(ctx: AppContext) {
  return async (req: Request, _res: Response, next: NextFunction): Promise<void> => {
    const token = readCookie(req, SESSION_COOKIE);
    if (token) {
      const session = await findLiveSession(ctx, token);
      if (session) {
        const { roles, scope } = await buildActorScope(ctx.prisma, session.staff);
        req.actor = {
          id: session.staff.id,
          username: session.staff.username,
          name: session.staff.name,
          roles,
          scope,
        };
      }
    }
    next();
  };
}

export function requireActor(req: Request): Actor {
  if (!req.actor) throw new AppError('unauthenticated', 'Sign in first');
  return req.actor;
}
