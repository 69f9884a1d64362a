import { describe, expect, it } from 'vitest';
import type { WorkingCalendarInput } from './calendar.schema';
import { slaDurationSchema, workingCalendarSchema } from './calendar.schema';
import { buildDefaultCalendar } from './cn-holidays';

function buildInput(overrides: Partial<WorkingCalendarInput>): WorkingCalendarInput {
  return { workingHours: [{ start: '08:30', end: '12:00' }], years: {}, ...overrides };
}

function listMessages(input: unknown): string[] {
  const result = workingCalendarSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe('workingCalendarSchema', () => {
  it('when the default calendar is parsed, then it is accepted unchanged', () => {
    expect(workingCalendarSchema.parse(buildDefaultCalendar())).toEqual(buildDefaultCalendar());
  });

  it('when the offset is omitted, then it defaults to +08:00', () => {
    expect(workingCalendarSchema.parse(buildInput({})).timeZoneOffsetMinutes).toBe(480);
  });

  it('when periods overlap, then the message names both times', () => {
    const workingHours = [
      { start: '08:30', end: '12:00' },
      { start: '11:30', end: '17:30' },
    ];
    expect(listMessages(buildInput({ workingHours }))).toEqual([expect.stringMatching(/11:30.*12:00/)]);
  });

  it('when periods are not sorted, then it is rejected', () => {
    const workingHours = [
      { start: '14:30', end: '17:30' },
      { start: '08:30', end: '12:00' },
    ];
    expect(listMessages(buildInput({ workingHours }))).toEqual([expect.stringMatching(/sorted/)]);
  });

  it('when a period ends before it starts, then it is rejected', () => {
    const messages = listMessages(buildInput({ workingHours: [{ start: '12:00', end: '08:30' }] }));
    expect(messages).toEqual([expect.stringMatching(/end after it starts/)]);
  });

  it.each([['25:00'], ['8:30'], ['08:60']])('when a time is %s, then it is rejected', (time) => {
    expect(listMessages(buildInput({ workingHours: [{ start: time, end: '23:00' }] }))).not.toEqual([]);
  });

  it('when a period runs to 24:00, then it is accepted', () => {
    expect(listMessages(buildInput({ workingHours: [{ start: '20:00', end: '24:00' }] }))).toEqual([]);
  });

  it('when there is no working period, then it is rejected', () => {
    expect(listMessages(buildInput({ workingHours: [] }))).toEqual([expect.stringMatching(/at least one/)]);
  });

  it('when a holiday date does not exist, then it is rejected', () => {
    const years = { '2026': { holidays: [{ name: 'x', off: ['2026-02-30'], workdays: [] }] } };
    expect(listMessages(buildInput({ years }))).toEqual([expect.stringMatching(/real dates/)]);
  });

  it('when a date is both off and a workday, then it is rejected', () => {
    const years = {
      '2026': {
        holidays: [
          { name: 'a', off: ['2026-10-10'], workdays: [] },
          { name: 'b', off: [], workdays: ['2026-10-10'] },
        ],
      },
    };
    expect(listMessages(buildInput({ years }))).toEqual([
      '2026-10-10 is listed both as a day off and as a workday',
    ]);
  });

  it('when a year key is not YYYY, then it is rejected', () => {
    expect(listMessages(buildInput({ years: { '26': { holidays: [] } } }))).not.toEqual([]);
  });
});

describe('slaDurationSchema', () => {
  it.each([
    [{ unit: 'working_hours', amount: 0.5 }, true],
    [{ unit: 'working_days', amount: 3 }, true],
    [{ unit: 'working_days', amount: 1.5 }, false],
    [{ unit: 'working_hours', amount: 0 }, false],
    [{ unit: 'working_hours', amount: -2 }, false],
    [{ unit: 'calendar_days', amount: 1 }, false],
  ])('when the duration is %o, then success is %s', (input, expected) => {
    expect(slaDurationSchema.safeParse(input).success).toBe(expected);
  });
});
