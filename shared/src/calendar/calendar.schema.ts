import { z } from 'zod';
import { isoDay } from '../api/input-gate';

const CLOCK_TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** Minutes since local midnight of an 'HH:MM' string ('24:00' = end of day); NaN when malformed. */
export function parseClockTime(value: string): number {
  if (!CLOCK_TIME.test(value)) return Number.NaN;
  return Number(value.slice(0, 2)) * 60 + Number(value.slice(3, 5));
}

export const workingPeriodSchema = z
  .object({
    start: z.string().regex(CLOCK_TIME, 'start must be HH:MM (00:00–23:59)'),
    // '24:00' is accepted so a period can run to midnight without a one-minute gap.
    end: z.string().regex(CLOCK_TIME, 'end must be HH:MM (00:00–24:00)'),
  })
  .refine(
    // end ≤ 24:00 by the regex, so start < end also keeps the period inside one day.
    ({ start, end }) => parseClockTime(start) < parseClockTime(end),
    {
      message: 'a working period must end after it starts, within the same day',
      path: ['end'],
    },
  );
export type WorkingPeriod = z.infer<typeof workingPeriodSchema>;

export const workingHoursSchema = z
  .array(workingPeriodSchema)
  .min(1, 'at least one working period is required')
  .superRefine((periods, ctx) => {
    for (let i = 1; i < periods.length; i++) {
      const previous = periods[i - 1]!;
      const current = periods[i]!;
      if (parseClockTime(current.start) < parseClockTime(previous.end)) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'start'],
          message: `working periods must be sorted and must not overlap: ${current.start} starts before the previous period ends at ${previous.end}`,
        });
      }
    }
  });

/** Official arrangement of one holiday (放假调休): days off and the weekend days worked in exchange. */
export const holidayArrangementSchema = z.object({
  name: z.string().min(1),
  off: z.array(isoDay('off days must be real dates written YYYY-MM-DD')),
  workdays: z.array(isoDay('workdays must be real dates written YYYY-MM-DD')),
});
export type HolidayArrangement = z.infer<typeof holidayArrangementSchema>;

export const holidayYearSchema = z.object({ holidays: z.array(holidayArrangementSchema) });
export type HolidayYear = z.infer<typeof holidayYearSchema>;

export const workingCalendarSchema = z
  .object({
    // Fixed offset, not an IANA zone: China has no DST and shared code must not depend on Intl data.
    timeZoneOffsetMinutes: z.number().int().min(-720).max(840).default(480),
    workingHours: workingHoursSchema,
    years: z.record(z.string().regex(/^\d{4}$/, 'year keys must be written YYYY'), holidayYearSchema),
  })
  .superRefine((calendar, ctx) => {
    // A date both off and worked has no meaning; reject it instead of letting one list silently win.
    const kindByDate = new Map<string, 'off' | 'workday'>();
    for (const [year, { holidays }] of Object.entries(calendar.years)) {
      for (const holiday of holidays) {
        const entries = [
          ...holiday.off.map((date) => [date, 'off'] as const),
          ...holiday.workdays.map((date) => [date, 'workday'] as const),
        ];
        for (const [date, kind] of entries) {
          const seen = kindByDate.get(date);
          if (seen !== undefined && seen !== kind) {
            ctx.addIssue({
              code: 'custom',
              path: ['years', year],
              message: `${date} is listed both as a day off and as a workday`,
            });
          }
          kindByDate.set(date, kind);
        }
      }
    }
  });
export type WorkingCalendar = z.infer<typeof workingCalendarSchema>;
export type WorkingCalendarInput = z.input<typeof workingCalendarSchema>;

export const slaDurationSchema = z.discriminatedUnion('unit', [
  z.object({ unit: z.literal('working_hours'), amount: z.number().positive().finite() }),
  z.object({
    unit: z.literal('working_days'),
    amount: z.number().int('working days must be a whole number').positive(),
  }),
]);
export type SlaDuration = z.infer<typeof slaDurationSchema>;

/** Typical Guangdong town-government hours: 3.5 h + 3 h = 6.5 working hours a day. */
export const DEFAULT_WORKING_HOURS: readonly Readonly<WorkingPeriod>[] = Object.freeze([
  Object.freeze({ start: '08:30', end: '12:00' }),
  Object.freeze({ start: '14:30', end: '17:30' }),
]);

export const DEADLINE_STATUSES = ['on_time', 'due_soon', 'overdue', 'paused'] as const;
export const deadlineStatusSchema = z.enum(DEADLINE_STATUSES);
export type DeadlineStatus = z.infer<typeof deadlineStatusSchema>;
