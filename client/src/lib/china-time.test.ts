// The device is in New York (UTC−5 in winter, −4 in summer): nothing shown may follow it (issue 13).
process.env.TZ = 'America/New_York';

import { caseActionRequestSchema } from '@gridgov/shared';
import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatShortDateTime,
  formatTime,
  toTownDateTime,
  toTownInputValue,
} from './china-time';

describe('china time formatting', () => {
  it('when the device is in another zone, then it really is (the test would prove nothing otherwise)', () => {
    expect(new Date('2026-12-07T16:30:00Z').getTimezoneOffset()).toBe(300);
  });

  it('when an instant is shown, then it is the town’s wall clock, 24-hour, with an ISO date', () => {
    // 16:30 UTC is 00:30 the next day in China and 11:30 the same day in New York.
    const instant = '2026-12-07T16:30:00Z';

    expect(formatDateTime(instant)).toBe('2026-12-08 00:30');
    expect(formatDate(instant)).toBe('2026-12-08');
    expect(formatTime(instant)).toBe('00:30');
    expect(formatShortDateTime(instant)).toBe('12-08 00:30');
  });

  it('when an afternoon time is shown, then there is no AM/PM', () => {
    expect(formatDateTime('2026-06-01T09:05:00Z')).toBe('2026-06-01 17:05');
  });

  it('when the value is empty or does not parse, then empty or the raw value comes back', () => {
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime('')).toBe('');
    expect(formatDateTime('soon')).toBe('soon');
  });
});

describe('china time inputs', () => {
  it('when a typed value is read, then it is China time with the fixed +08:00 offset the schema accepts', () => {
    const value = toTownDateTime('2026-06-01T17:30');

    expect(value).toBe('2026-06-01T17:30:00+08:00');
    expect(new Date(value ?? '').toISOString()).toBe('2026-06-01T09:30:00.000Z');
    const request = { action: 'request_extension', version: 1, deadline: value };
    expect(caseActionRequestSchema.safeParse(request).success).toBe(true);
  });

  it('when the value is incomplete or not a real date or time, then there is no deadline', () => {
    expect(toTownDateTime('')).toBeNull();
    expect(toTownDateTime('2026-02-30T10:00')).toBeNull();
    expect(toTownDateTime('2026-02-10T24:00')).toBeNull();
  });

  it('when an instant is turned into an input value and back, then it is kept to the minute', () => {
    const date = new Date('2026-01-05T23:07:00Z');

    expect(toTownInputValue(date)).toBe('2026-01-06T07:07');
    expect(new Date(toTownDateTime(toTownInputValue(date)) ?? '').getTime()).toBe(date.getTime());
  });
});
