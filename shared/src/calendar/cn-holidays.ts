import type { HolidayYear, WorkingCalendar } from './calendar.schema';
import { DEFAULT_WORKING_HOURS } from './calendar.schema';
import { localYearOf } from './local-day';

/**
 * Official PRC holiday arrangements (放假调休) for 2025 and 2026, copied from the State Council notices
 * (国办发明电〔2024〕12号 of 2024-11-12; notice of 2025-11-04). Ordinary weekends are not listed.
 *
 * 2027 is deliberately absent: the State Council publishes each year's arrangement around November of the
 * year before, and an admin must enter it then. Until that happens 2027 falls back to plain Mon–Fri and
 * `listYearsMissing` lets the UI warn that deadlines in that year may be wrong.
 */
export const CN_HOLIDAYS_2025_2026: Readonly<Record<'2025' | '2026', HolidayYear>> = {
  '2025': {
    holidays: [
      {
        name: '元旦',
        off: ['2025-01-01'],
        workdays: [],
      },
      {
        name: '春节',
        off: [
          '2025-01-28',
          '2025-01-29',
          '2025-01-30',
          '2025-01-31',
          '2025-02-01',
          '2025-02-02',
          '2025-02-03',
          '2025-02-04',
        ],
        workdays: ['2025-01-26', '2025-02-08'],
      },
      {
        name: '清明节',
        off: ['2025-04-04', '2025-04-05', '2025-04-06'],
        workdays: [],
      },
      {
        name: '劳动节',
        off: ['2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04', '2025-05-05'],
        workdays: ['2025-04-27'],
      },
      {
        name: '端午节',
        off: ['2025-05-31', '2025-06-01', '2025-06-02'],
        workdays: [],
      },
      {
        name: '国庆节、中秋节',
        off: [
          '2025-10-01',
          '2025-10-02',
          '2025-10-03',
          '2025-10-04',
          '2025-10-05',
          '2025-10-06',
          '2025-10-07',
          '2025-10-08',
        ],
        workdays: ['2025-09-28', '2025-10-11'],
      },
    ],
  },
  '2026': {
    holidays: [
      {
        name: '元旦',
        off: ['2026-01-01', '2026-01-02', '2026-01-03'],
        workdays: ['2026-01-04'],
      },
      {
        name: '春节',
        off: [
          '2026-02-15',
          '2026-02-16',
          '2026-02-17',
          '2026-02-18',
          '2026-02-19',
          '2026-02-20',
          '2026-02-21',
          '2026-02-22',
          '2026-02-23',
        ],
        workdays: ['2026-02-14', '2026-02-28'],
      },
      {
        name: '清明节',
        off: ['2026-04-04', '2026-04-05', '2026-04-06'],
        workdays: [],
      },
      {
        name: '劳动节',
        off: ['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05'],
        workdays: ['2026-05-09'],
      },
      {
        name: '端午节',
        off: ['2026-06-19', '2026-06-20', '2026-06-21'],
        workdays: [],
      },
      {
        name: '中秋节',
        off: ['2026-09-25', '2026-09-26', '2026-09-27'],
        workdays: [],
      },
      {
        name: '国庆节',
        off: [
          '2026-10-01',
          '2026-10-02',
          '2026-10-03',
          '2026-10-04',
          '2026-10-05',
          '2026-10-06',
          '2026-10-07',
        ],
        workdays: ['2026-09-20', '2026-10-10'],
      },
    ],
  },
};

export function buildDefaultCalendar(): WorkingCalendar {
  return {
    timeZoneOffsetMinutes: 480,
    workingHours: DEFAULT_WORKING_HOURS.map((period) => ({ ...period })),
    // Deep copy so an admin editing one calendar cannot alter the constant shared by every caller.
    years: Object.fromEntries(
      Object.entries(CN_HOLIDAYS_2025_2026).map(([year, { holidays }]) => [
        year,
        {
          holidays: holidays.map(({ name, off, workdays }) => ({
            name,
            off: [...off],
            workdays: [...workdays],
          })),
        },
      ]),
    ),
  };
}

/** Years (in the calendar's offset) touched by [from, to] that have no holiday arrangement entered. */
export function listYearsMissing(calendar: WorkingCalendar, from: Date, to: Date): number[] {
  const firstYear = localYearOf(calendar, from);
  const lastYear = localYearOf(calendar, to);
  const missing: number[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    if (calendar.years[String(year)] === undefined) missing.push(year);
  }
  return missing;
}
