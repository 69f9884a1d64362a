import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backOffUntil, retryAfterMs, type ThrottleLimits, windowLimitUntil } from './throttle-policy';

const MINUTE = 60_000;
const limits: ThrottleLimits = {
  windowMs: 15 * MINUTE,
  maxPerUsername: 5,
  maxPerAddress: 20,
  baseDelayMs: MINUTE,
};
const at = (minutes: number) => new Date(minutes * MINUTE);

describe('sign-in throttle policy', () => {
  it('when fewer failures than the limit, then the counter is open', () => {
    expect(backOffUntil([at(0), at(1), at(2), at(3)], 5, limits)).toBeNull();
    expect(windowLimitUntil([at(0)], 2, limits)).toBeNull();
  });

  it('when failures pass the limit, then each further one doubles the wait, capped at the window', () => {
    const failures = [at(0), at(0), at(0), at(0), at(0)];
    expect(backOffUntil(failures, 5, limits)).toBe(1 * MINUTE);
    expect(backOffUntil([...failures, at(1)], 5, limits)).toBe(at(1).getTime() + 2 * MINUTE);
    expect(backOffUntil([...failures, at(1), at(3)], 5, limits)).toBe(at(3).getTime() + 4 * MINUTE);
    const many = Array.from({ length: 60 }, () => at(0));
    expect(backOffUntil(many, 5, limits)).toBe(15 * MINUTE);
  });

  it('when the address limit is reached, then it opens when the decisive failure leaves the window', () => {
    expect(windowLimitUntil([at(0), at(2), at(4)], 2, limits)).toBe(at(2).getTime() + 15 * MINUTE);
  });

  it('whatever the failures, the wait never exceeds the window after the last one', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 14 }), { minLength: 1, maxLength: 80 }), (minutes) => {
        const failures = minutes.sort((a, b) => a - b).map(at);
        const until = backOffUntil(failures, 5, limits);
        const last = failures.at(-1)!.getTime();
        if (failures.length < 5) expect(until).toBeNull();
        else expect(until! - last).toBeLessThanOrEqual(limits.windowMs);
      }),
    );
  });

  it('retryAfterMs is the longest wait still ahead', () => {
    expect(retryAfterMs([null, 5_000, 12_000], 10_000)).toBe(2_000);
    expect(retryAfterMs([null, 5_000], 10_000)).toBe(0);
  });
});
