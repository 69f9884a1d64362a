import { caseActionRequestSchema } from '@gridgov/shared';
import { describe, expect, it } from 'vitest';
import { toLocalInputValue, toOffsetDateTime } from './date-time';

describe('toOffsetDateTime', () => {
  it('when a datetime-local value is given, then the same instant comes back with an offset the schema accepts', () => {
    const value = toOffsetDateTime('2025-06-01T17:30');

    expect(value).toMatch(/^2025-06-01T17:30:00[+-]\d{2}:\d{2}$/);
    expect(new Date(value ?? '').getTime()).toBe(new Date(2025, 5, 1, 17, 30).getTime());
    const request = { action: 'request_extension', version: 1, deadline: value };
    expect(caseActionRequestSchema.safeParse(request).success).toBe(true);
  });

  it('when the value is incomplete or not a real date, then there is no deadline', () => {
    expect(toOffsetDateTime('')).toBeNull();
    expect(toOffsetDateTime('2025-02-30T10:00')).toBeNull();
  });

  it('when a date is turned into an input value and back, then the instant is kept to the minute', () => {
    const date = new Date(2025, 0, 5, 8, 7);
    expect(new Date(toOffsetDateTime(toLocalInputValue(date)) ?? '').getTime()).toBe(date.getTime());
  });
});
