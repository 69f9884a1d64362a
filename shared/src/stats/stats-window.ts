// The statistics window: local (Asia/Shanghai) days from..to, both included, at most a year.

export const STATS_MAX_WINDOW_DAYS = 366;
const MS_PER_DAY = 86_400_000;

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / MS_PER_DAY;

/** Days in the window, both ends included (0 or less when `to` is before `from`). */
export function countWindowDays(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from) + 1;
}

/** Why the window cannot be served, or null when it can (forms show the same message). */
export function findWindowProblem(from: string, to: string): string | null {
  const days = countWindowDays(from, to);
  if (days < 1) return '`to` is before `from`';
  if (days > STATS_MAX_WINDOW_DAYS) return `the window is ${days} days; at most ${STATS_MAX_WINDOW_DAYS}`;
  return null;
}

/** Every local day of the window, in order. */
export function listWindowDays(from: string, to: string): string[] {
  const first = dayNumber(from);
  return Array.from({ length: Math.max(0, countWindowDays(from, to)) }, (_, i) =>
    new Date((first + i) * MS_PER_DAY).toISOString().slice(0, 10),
  );
}

/** The Monday on or before a day (weeks run Monday to Sunday in China). */
export function weekStartOf(day: string): string {
  const n = dayNumber(day);
  const weekday = (((n + 4) % 7) + 7) % 7; // 0 = Sunday
  return new Date((n - ((weekday + 6) % 7)) * MS_PER_DAY).toISOString().slice(0, 10);
}
