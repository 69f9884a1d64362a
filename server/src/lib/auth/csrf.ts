import { createHmac } from 'node:crypto';

/**
 * The CSRF token of a session: an HMAC keyed with the session's own secret token, so it is bound to
 * that session, changes at every sign-in, and needs no storage or shared server secret
 * (docs/decisions/003, 016). Knowing it gives nothing without the HttpOnly session cookie.
 */
export function csrfTokenForSession(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('gridgov csrf v1').digest('base64url');
}
