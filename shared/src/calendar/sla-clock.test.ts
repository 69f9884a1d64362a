import { describe, expect, it } from 'vitest';
import { atLocal, HOUR_MS, workingDays, workingHours } from './calendar.fixture';
import { buildDefaultCalendar } from './cn-holidays';
import { classifyDeadline, computeDeadline, workingMsElapsed } from './sla-clock';

const calendar = buildDefaultCalendar();
const start = atLocal('2026-03-02T10:00'); // Monday
const oneDay = workingDays(1); // plain deadline: Tue 2026-03-03 10:00

function pause(from: string, to: string | null) {
  return { from: atLocal(from), to: to === null ? null : atLocal(to) };
}

describe('computeDeadline', () => {
  it('when there are no pauses, then it is the plain deadline', () => {
    expect(computeDeadline(calendar, { start, duration: oneDay, pauses: [] })).toEqual(
      atLocal('2026-03-03T10:00'),
    );
  });

  it('when a pause covers only a weekend, then it adds nothing', () => {
    const fridayStart = atLocal('2026-03-06T10:00');
    const pauses = [pause('2026-03-06T18:00', '2026-03-09T08:00')];
    expect(computeDeadline(calendar, { start: fridayStart, duration: oneDay, pauses })).toEqual(
      atLocal('2026-03-09T10:00'),
    );
  });

  it('when a pause holds 2 working hours on a weekday, then the deadline moves 2 working hours', () => {
    const pauses = [pause('2026-03-02T14:30', '2026-03-02T16:30')];
    expect(computeDeadline(calendar, { start, duration: oneDay, pauses })).toEqual(
      atLocal('2026-03-03T12:00'),
    );
  });

  it('when a pause spans the lunch break, then only its working part counts', () => {
    const pauses = [pause('2026-03-02T11:00', '2026-03-02T15:00')]; // 1 h + 0.5 h of working time
    expect(computeDeadline(calendar, { start, duration: oneDay, pauses })).toEqual(
      atLocal('2026-03-03T11:30'),
    );
  });

  it('when pauses overlap or repeat, then they are merged and counted once', () => {
    const pauses = [
      pause('2026-03-02T15:00', '2026-03-02T16:30'),
      pause('2026-03-02T14:30', '2026-03-02T15:30'),
      pause('2026-03-02T14:30', '2026-03-02T15:30'),
    ];
    expect(computeDeadline(calendar, { start, duration: oneDay, pauses })).toEqual(
      atLocal('2026-03-03T12:00'),
    );
  });

  it('when a pause began before the start, then only its part after the start counts', () => {
    const pauses = [pause('2026-03-02T09:00', '2026-03-02T11:00')];
    expect(computeDeadline(calendar, { start, duration: oneDay, pauses })).toEqual(
      atLocal('2026-03-03T11:00'),
    );
  });

  it('when a pause comes after the deadline, then it changes nothing', () => {
    const pauses = [pause('2026-03-03T10:00', '2026-03-04T10:00')];
    expect(computeDeadline(calendar, { start, duration: oneDay, pauses })).toEqual(
      atLocal('2026-03-03T10:00'),
    );
  });

  it('when a pause is still open, then there is no deadline', () => {
    const pauses = [pause('2026-03-02T15:00', '2026-03-02T16:00'), pause('2026-03-02T16:30', null)];
    expect(computeDeadline(calendar, { start, duration: workingHours(4), pauses })).toBeNull();
  });

  it('when an open pause began after the deadline had passed, then the case stays overdue', () => {
    const pauses = [pause('2026-03-05T09:00', null)];
    expect(computeDeadline(calendar, { start, duration: oneDay, pauses })).toEqual(
      atLocal('2026-03-03T10:00'),
    );
  });

  it('when a pause ends before it starts, then it throws', () => {
    const pauses = [pause('2026-03-02T16:00', '2026-03-02T15:00')];
    expect(() => computeDeadline(calendar, { start, duration: oneDay, pauses })).toThrow(
      /ends before it starts/,
    );
  });
});

describe('workingMsElapsed', () => {
  const end = atLocal('2026-03-03T10:00');

  it('when a 2-working-hour pause falls inside, then it is excluded', () => {
    const pauses = [pause('2026-03-02T14:30', '2026-03-02T16:30')];
    expect(workingMsElapsed(calendar, { start, end, pauses })).toBe(4.5 * HOUR_MS);
  });

  it('when pauses overlap, then the overlap is excluded once', () => {
    const pauses = [
      pause('2026-03-02T14:30', '2026-03-02T16:00'),
      pause('2026-03-02T15:00', '2026-03-02T16:30'),
    ];
    expect(workingMsElapsed(calendar, { start, end, pauses })).toBe(4.5 * HOUR_MS);
  });

  it('when a pause is still open, then it runs until the end', () => {
    const pauses = [pause('2026-03-02T16:30', null)];
    expect(workingMsElapsed(calendar, { start, end, pauses })).toBe(4 * HOUR_MS);
  });
});

describe('classifyDeadline', () => {
  const deadline = atLocal('2026-03-03T10:00');

  it('when the deadline is null, then the case is paused', () => {
    expect(classifyDeadline(calendar, { now: start, deadline: null })).toBe('paused');
  });

  it('when now is after the deadline, then the case is overdue', () => {
    expect(classifyDeadline(calendar, { now: atLocal('2026-03-03T10:01'), deadline })).toBe('overdue');
  });

  it('when now is exactly the deadline, then the case is due soon, not overdue', () => {
    expect(classifyDeadline(calendar, { now: deadline, deadline, duration: oneDay })).toBe('due_soon');
  });

  it.each([
    ['2026-03-03T08:30', 'due_soon', '1.5 h left ≤ 25% of 6.5 h'],
    ['2026-03-02T17:00', 'on_time', '2 h left > 1.625 h'],
  ])('when now is %s with a 1-day SLA, then it is %s (%s)', (now, expected) => {
    expect(classifyDeadline(calendar, { now: atLocal(now), deadline, duration: oneDay })).toBe(expected);
  });

  it('when a custom ratio is given, then it replaces 25%', () => {
    const now = atLocal('2026-03-02T17:00');
    expect(classifyDeadline(calendar, { now, deadline, duration: oneDay, dueSoonRatio: 0.5 })).toBe(
      'due_soon',
    );
  });

  it.each([
    ['2026-03-02T15:00', 'due_soon', 'exactly 4 working hours left'],
    ['2026-03-02T14:30', 'on_time', '4.5 working hours left'],
  ])('when no duration is given and now is %s, then it is %s (%s)', (now, expected) => {
    expect(classifyDeadline(calendar, { now: atLocal(now), deadline })).toBe(expected);
  });

  it('when the deadline is a weekend away but 1 working hour remains, then it is due soon', () => {
    const now = atLocal('2026-03-06T17:00');
    expect(classifyDeadline(calendar, { now, deadline: atLocal('2026-03-09T09:00') })).toBe('due_soon');
  });

  it('when the ratio is outside [0, 1], then it throws', () => {
    expect(() =>
      classifyDeadline(calendar, { now: start, deadline, duration: oneDay, dueSoonRatio: 2 }),
    ).toThrow(RangeError);
  });
});
