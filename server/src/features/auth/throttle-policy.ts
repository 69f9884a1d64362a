// Sign-in throttling rules (docs/decisions/016), pure so they can be tested without a clock or a database.
//
// Three counters, each over the failures of the last window:
// - a username from browsers it has never signed in on (the shared pool an attacker is in): after
//   `max` failures each further failure doubles the wait (1, 2, 4 … minutes, at most the window);
// - a known device (a browser that signed in as that person before): the same rule on its own count,
//   so a stranger's failures never lock the person out of their usual browser;
// - a client address, across usernames (password spraying): a hard limit until failures leave the window.

export interface ThrottleLimits {
  windowMs: number;
  maxPerUsername: number;
  maxPerAddress: number;
  /** The first wait after `max` failures; doubles with each further failure. */
  baseDelayMs: number;
}

/** When a counter with exponential back-off opens again (ms since epoch), or null when it is open. */
export function backOffUntil(
  failuresAsc: readonly Date[],
  max: number,
  limits: ThrottleLimits,
): number | null {
  const excess = failuresAsc.length - max;
  if (excess < 0) return null;
  const last = failuresAsc[failuresAsc.length - 1]!.getTime();
  const delay = Math.min(limits.windowMs, limits.baseDelayMs * 2 ** Math.min(excess, 30));
  return last + delay;
}

/** When a hard window limit opens again: when enough failures have left the window. */
export function windowLimitUntil(
  failuresAsc: readonly Date[],
  max: number,
  limits: ThrottleLimits,
): number | null {
  if (failuresAsc.length < max) return null;
  const decisive = failuresAsc[failuresAsc.length - max]!;
  return decisive.getTime() + limits.windowMs;
}

/** Milliseconds until a sign-in may be tried, 0 when it may now. */
export function retryAfterMs(untils: readonly (number | null)[], now: number): number {
  return Math.max(0, ...untils.map((until) => (until === null ? 0 : until - now)));
}
