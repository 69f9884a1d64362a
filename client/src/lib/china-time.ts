/**
 * Every time the UI shows is the town's time (Asia/Shanghai), whatever the device's zone, written the
 * same in both languages: dates `YYYY-MM-DD`, times 24-hour `HH:mm` (issue 13, "One vocabulary").
 * The brief, exports and the server's day boundaries use the same zone.
 */
export const TOWN_TIME_ZONE = 'Asia/Shanghai';

/** China has had no daylight saving since 1991: its offset is fixed. */
const TOWN_OFFSET = '+08:00';

const PARTS = new Intl.DateTimeFormat('en-US', {
  timeZone: TOWN_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

type TownParts = { year: string; month: string; day: string; hour: string; minute: string };

function toDate(value: string | number | Date): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function townParts(date: Date): TownParts {
  const parts: Record<string, string> = {};
  for (const part of PARTS.formatToParts(date)) parts[part.type] = part.value;
  return {
    year: parts.year ?? '',
    month: parts.month ?? '',
    day: parts.day ?? '',
    hour: parts.hour ?? '',
    minute: parts.minute ?? '',
  };
}

function format(value: string | number | Date | null | undefined, render: (parts: TownParts) => string) {
  if (value === null || value === undefined || value === '') return '';
  const date = toDate(value);
  return date ? render(townParts(date)) : String(value);
}

/** `2026-12-07 17:30` in China time; the raw value when it does not parse, '' when empty. */
export function formatDateTime(value: string | number | Date | null | undefined): string {
  return format(value, (p) => `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`);
}

/** `2026-12-07` in China time. */
export function formatDate(value: string | number | Date | null | undefined): string {
  return format(value, (p) => `${p.year}-${p.month}-${p.day}`);
}

/** `17:30` in China time. */
export function formatTime(value: string | number | Date | null | undefined): string {
  return format(value, (p) => `${p.hour}:${p.minute}`);
}

/** `12-07 17:30` in China time, for dense lists about the town's recent days. */
export function formatShortDateTime(value: string | number | Date | null | undefined): string {
  return format(value, (p) => `${p.month}-${p.day} ${p.hour}:${p.minute}`);
}

/** An instant as a `YYYY-MM-DDTHH:mm` value in China time (for `min` and defaults of time inputs). */
export function toTownInputValue(value: Date): string {
  const p = townParts(value);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/**
 * A `YYYY-MM-DDTHH:mm` value read as China time ("2026-06-01T17:30") as an ISO datetime with the
 * town's offset ("2026-06-01T17:30:00+08:00"), which the action schema requires; null when invalid.
 */
export function toTownDateTime(localValue: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(localValue);
  if (!match) return null;
  const [, year, month, day, hour, minute] = match.map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute));
  if (date.getUTCDate() !== day || date.getUTCMonth() !== month - 1 || hour > 23 || minute > 59) return null;
  return `${localValue}:00${TOWN_OFFSET}`;
}
