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
    /** The signed-in person's session (hash of the cookie token). */
    sessionId?: string;
    /** Signed in with a password an admin handed out: only choosing a new one is allowed. */
    mustChangePassword?: boolean;
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
        req.sessionId = session.sessionId;
        req.mustChangePassword = session.mustChangePassword;
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

/** What a person who must change their password may still do: read who they are, change it, sign out. */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set([
  'GET /me',
  'POST /auth/password',
  'POST /auth/logout',
  'POST /auth/login',
  'GET /auth/csrf',
  'GET /config',
  'GET /health',
]);

/** Refuses every other request of a person whose password an admin handed out (issue 13). */
export function requirePasswordChange(req: Request, _res: Response, next: NextFunction): void {
  const isAllowed =
    !req.mustChangePassword || ALLOWED_BEFORE_PASSWORD_CHANGE.has(`${req.method} ${req.path}`);
  next(
    isAllowed
      ? undefined
      : new AppError('password_change_required', 'Choose a new password first (POST /api/auth/password)'),
  );
}
