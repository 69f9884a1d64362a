import type { CookieOptions, Request } from 'express';
import type { Config } from './config';

export const SESSION_COOKIE = 'gridgov_session';
export const CSRF_COOKIE = 'gridgov_csrf';
/** Marks a browser that signed in before (docs/decisions/016); sent to the sign-in route only. */
export const DEVICE_COOKIE = 'gridgov_device';
export const DEVICE_COOKIE_PATH = '/api/auth';
/** A known device unused for this long is forgotten (cookie lifetime; housekeeping deletes the row). */
export const KNOWN_DEVICE_DAYS = 180;

/** Reads one cookie from the Cookie header (no parser middleware needed for two cookies). */
export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** Secure when the request came over HTTPS (req.secure honours TRUST_PROXY), or as configured. */
export function baseCookieOptions(req: Request, config: Pick<Config, 'COOKIE_SECURE'>): CookieOptions {
  const secure = config.COOKIE_SECURE === 'always' || (config.COOKIE_SECURE === 'auto' && req.secure);
  return { path: '/', sameSite: 'lax', secure };
}
