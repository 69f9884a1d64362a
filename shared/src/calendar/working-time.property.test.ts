import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atLocal } from './calendar.fixture';
import type { SlaDuration } from './calendar.schema';
import { DEFAULT_WORKING_HOURS } from './calendar.schema';
import { buildDefaultCalendar } from './cn-holidays';
import { formatLocalDate, MS_PER_DAY } from './local-day';
import { computeDeadline, workingMsElapsed } from './sla-clock';
import { addWorkingTime, isWorkingDay, toWorkingMs, workingMsBetween } from './working-time';

const calendar = buildDefaultCalendar();
const OFFSET_MS = 8 * 3_600_000;
const HALF_HOUR_MS = 1_800_000;
// Late 2024 to mid 2027 covers both published years, their edges and the unpublished fallback year.
const FIRST_MS = atLocal('2024-12-01T00:00').getTime();
const LAST_MS = atLocal('2027-06-30T00:00').getTime();

// Random instants almost never hit 08:30 or 12:00 exactly, so half of them are snapped to the half-hour grid
// on which every default period boundary lies.
const instantArb = fc.oneof(
  fc.integer({ min: FIRST_MS, max: LAST_MS }),
  fc
    .integer({ min: FIRST_MS / HALF_HOUR_MS, max: LAST_MS / HALF_HOUR_MS })
    .map((slot) => slot * HALF_HOUR_MS),
);
const durationArb: fc.Arbitrary<SlaDuration> = fc.oneof(
  fc
    .integer({ min: 1, max: 300 * 60 })
    .map((minutes) => ({ unit: 'working_hours' as const, amount: minutes / 60 })),
  fc
    .double({ min: 0.001, max: 300, noNaN: true })
    .map((amount) => ({ unit: 'working_hours' as const, amount })),
  fc.integer({ min: 1, max: 60 }).map((amount) => ({ unit: 'working_days' as const, amount })),
);

function describeLocal(ms: number): { date: string; minuteOfDay: number } {
  const localMs = ms + OFFSET_MS;
  const day = Math.floor(localMs / MS_PER_DAY);
  return { date: formatLocalDate(day), minuteOfDay: (localMs - day * MS_PER_DAY) / 60_000 };
}

function toMinutes(clock: string): number {
  return Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
}

describe('addWorkingTime properties', () => {
  it('when the duration grows, then the deadline never moves earlier', () => {
    fc.assert(
      fc.property(instantArb, durationArb, durationArb, (start, d1, d2) => {
        const [short, long] = toWorkingMs(calendar, d1) <= toWorkingMs(calendar, d2) ? [d1, d2] : [d2, d1];
        const at = new Date(start);
        expect(addWorkingTime(calendar, at, short) <= addWorkingTime(calendar, at, long)).toBe(true);
      }),
    );
  });

  it('when the start moves later, then the deadline never moves earlier', () => {
    fc.assert(
      fc.property(instantArb, instantArb, durationArb, (a, b, duration) => {
        const [early, late] = [new Date(Math.min(a, b)), new Date(Math.max(a, b))];
        expect(addWorkingTime(calendar, early, duration) <= addWorkingTime(calendar, late, duration)).toBe(
          true,
        );
      }),
    );
  });

  it('when measuring from the start to the deadline, then exactly the duration has elapsed', () => {
    fc.assert(
      fc.property(instantArb, durationArb, (start, duration) => {
        const deadline = addWorkingTime(calendar, new Date(start), duration);
        expect(workingMsBetween(calendar, new Date(start), deadline)).toBe(toWorkingMs(calendar, duration));
      }),
      { numRuns: 500 },
    );
  });

  it('when a deadline is computed, then it lies on a working day inside (period start, period end]', () => {
    fc.assert(
      fc.property(instantArb, durationArb, (start, duration) => {
        const { date, minuteOfDay } = describeLocal(
          addWorkingTime(calendar, new Date(start), duration).getTime(),
        );
        expect(isWorkingDay(calendar, date)).toBe(true);
        const isInsidePeriod = DEFAULT_WORKING_HOURS.some(
          (period) => minuteOfDay > toMinutes(period.start) && minuteOfDay <= toMinutes(period.end),
        );
        expect(isInsidePeriod).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('workingMsBetween properties', () => {
  it('when splitting a span at any instant, then the parts add up to the whole', () => {
    fc.assert(
      fc.property(instantArb, instantArb, instantArb, (x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p - q).map((ms) => new Date(ms)) as [Date, Date, Date];
        expect(workingMsBetween(calendar, a, b) + workingMsBetween(calendar, b, c)).toBe(
          workingMsBetween(calendar, a, c),
        );
      }),
    );
  });

  it('when compared with counting half-hour slots one by one, then the totals agree', () => {
    const slotArb = fc.integer({ min: FIRST_MS / HALF_HOUR_MS, max: LAST_MS / HALF_HOUR_MS });
    fc.assert(
      fc.property(slotArb, fc.integer({ min: 0, max: 10 * 48 }), (firstSlot, slotCount) => {
        let expected = 0;
        for (let slot = firstSlot; slot < firstSlot + slotCount; slot++) {
          const { date, minuteOfDay } = describeLocal(slot * HALF_HOUR_MS);
          const isInside = DEFAULT_WORKING_HOURS.some(
            (period) => minuteOfDay >= toMinutes(period.start) && minuteOfDay < toMinutes(period.end),
          );
          if (isInside && isWorkingDay(calendar, date)) expected += HALF_HOUR_MS;
        }
        const from = new Date(firstSlot * HALF_HOUR_MS);
        const to = new Date((firstSlot + slotCount) * HALF_HOUR_MS);
        expect(workingMsBetween(calendar, from, to)).toBe(expected);
      }),
      { numRuns: 100 },
    );
  });
});

describe('computeDeadline properties', () => {
  const closedPauseArb = fc
    .tuple(instantArb, fc.integer({ min: 0, max: 5 * MS_PER_DAY }))
    .map(([from, length]) => ({ from: new Date(from), to: new Date(from + length) }));

  it('when pauses are all closed, then exactly the duration of un-paused working time has elapsed', () => {
    fc.assert(
      fc.property(
        instantArb,
        durationArb,
        fc.array(closedPauseArb, { maxLength: 4 }),
        (start, duration, pauses) => {
          const input = { start: new Date(start), duration, pauses };
          const deadline = computeDeadline(calendar, input);
          expect(deadline).not.toBeNull();
          const elapsed = workingMsElapsed(calendar, { start: input.start, end: deadline!, pauses });
          expect(elapsed).toBe(toWorkingMs(calendar, duration));
          expect(deadline! >= addWorkingTime(calendar, input.start, duration)).toBe(true);
        },
      ),
    );
  });
});
