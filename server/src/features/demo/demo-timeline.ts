// When the demo town's cases are reported (issue 22): two years up to the moment the history ends,
// the seeding moment or 16:00 China time on DEMO_ANCHOR, so "the last 30 days" is alive on any day.
import {
  addDays,
  CHINA_OFFSET_MS,
  chinaDayOf,
  chinaDayStart,
  isWorkingDay,
  type WorkingCalendar,
} from '@gridgov/shared';

const HOUR = 3_600_000;
export const HISTORY_DAYS = 730;
/** A pinned anchor ends its history at this China-time hour: a working afternoon. */
const ANCHOR_HOUR = 16;

/** The moment the history ends: `now` (the seeding moment), or 16:00 China time on the anchor day. */
export function resolveHistoryEnd(anchor: string | undefined, now: Date): Date {
  if (!anchor) return now;
  return new Date(chinaDayStart(anchor).getTime() + ANCHOR_HOUR * HOUR);
}

/** A number for the random stream: the same anchor day draws the same history. */
export function seedOfHistoryEnd(end: Date): number {
  return Math.floor((end.getTime() + CHINA_OFFSET_MS) / 86_400_000);
}

/** Reports come in daytime hours, fewer in the evening, hardly any at night. */
function drawHourOfDay(random: () => number): number {
  const r = random();
  if (r < 0.85) return 7.5 + random() * 10.5;
  if (r < 0.97) return 18 + random() * 4;
  return random() * 7.5;
}

/**
 * `total` report times, ascending, in the `HISTORY_DAYS` days up to `end`. Working days (the holiday
 * calendar with its 调休 Saturdays) bring twice the reports of days off, use grows a little over
 * the two years, and the last three always fall today (two) and yesterday (one).
 */
export function planReportTimes(options: {
  total: number;
  end: Date;
  calendar: WorkingCalendar;
  random: () => number;
}): number[] {
  const { total, end, calendar, random } = options;
  const lastDay = chinaDayOf(end);
  const days = Array.from({ length: HISTORY_DAYS }, (_, i) => addDays(lastDay, i - HISTORY_DAYS + 1));
  const weights = days.map(
    (day, i) => (isWorkingDay(calendar, day) ? 1 : 0.5) * (0.8 + (0.4 * i) / HISTORY_DAYS),
  );
  const cumulative: number[] = [];
  let running = 0;
  for (const weight of weights) {
    running += weight;
    cumulative.push(running);
  }
  const weightSum = cumulative[cumulative.length - 1]!;
  const pickDay = () => {
    const target = random() * weightSum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return days[lo]!;
  };
  const endMs = end.getTime();
  const times: number[] = [];
  const recent = Math.min(3, total);
  while (times.length < total - recent) {
    const at = chinaDayStart(pickDay()).getTime() + drawHourOfDay(random) * HOUR;
    if (at < endMs - 60_000) times.push(at);
  }
  const todayStart = chinaDayStart(lastDay).getTime();
  const sinceMorning = Math.max(HOUR, endMs - todayStart - 8 * HOUR);
  // Just after midnight "today" is short: the two stay inside it all the same.
  const today = (at: number) => Math.min(endMs - 1000, Math.max(todayStart + 60_000, at));
  if (recent >= 1) times.push(today(endMs - (0.2 + random() * 0.8) * Math.min(sinceMorning, 5 * HOUR)));
  if (recent >= 2) times.push(today(endMs - (0.05 + random() * 0.15) * HOUR));
  if (recent >= 3) times.push(todayStart - 24 * HOUR + (8.5 + random() * 9) * HOUR);
  return times.map(Math.floor).sort((a, b) => a - b);
}
