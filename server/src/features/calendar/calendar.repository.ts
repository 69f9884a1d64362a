import { type Prisma, type PrismaClient, WORKING_HOURS_SETTING } from '@gridgov/db';
import { DEFAULT_WORKING_HOURS, type WorkingCalendar, workingCalendarSchema } from '@gridgov/shared';
import type { Db } from '../../lib/db';

const CACHE_MS = 60_000;
let cached: { at: number; calendar: WorkingCalendar } | undefined;

/**
 * The calendar changes a few times a year (a new year's holiday notice), while every case read
 * needs it: each instance keeps it for a minute. Deadlines already set are stored on the events,
 * so an edit never reaches old cases anyway.
 */
export async function loadWorkingCalendar(db: Db | PrismaClient): Promise<WorkingCalendar> {
  if (cached && Date.now() - cached.at < CACHE_MS) return cached.calendar;
  const calendar = await readWorkingCalendar(db);
  cached = { at: Date.now(), calendar };
  return calendar;
}

export function forgetWorkingCalendar(): void {
  cached = undefined;
}

/** The working-time calendar as stored (holiday years and working hours), validated. */
async function readWorkingCalendar(db: Db | PrismaClient): Promise<WorkingCalendar> {
  const [years, hours] = await Promise.all([
    db.calendarYear.findMany({ select: { year: true, holidays: true } }),
    db.setting.findUnique({ where: { key: WORKING_HOURS_SETTING }, select: { value: true } }),
  ]);
  return workingCalendarSchema.parse({
    workingHours: hours?.value ?? DEFAULT_WORKING_HOURS,
    years: Object.fromEntries(years.map((y) => [String(y.year), { holidays: y.holidays }])),
  });
}

export function findCalendarYears(db: Db) {
  return db.calendarYear.findMany({ select: { year: true, holidays: true }, orderBy: { year: 'asc' } });
}

export function findCalendarYear(db: Db, year: number) {
  return db.calendarYear.findUnique({ where: { year }, select: { year: true, holidays: true } });
}

export function upsertCalendarYear(db: Db, year: number, holidays: Prisma.InputJsonValue) {
  return db.calendarYear.upsert({
    where: { year },
    create: { year, holidays },
    update: { holidays },
    select: { year: true },
  });
}

export function findWorkingHours(db: Db) {
  return db.setting.findUnique({ where: { key: WORKING_HOURS_SETTING }, select: { value: true } });
}

export function upsertWorkingHours(db: Db, value: Prisma.InputJsonValue) {
  return db.setting.upsert({
    where: { key: WORKING_HOURS_SETTING },
    create: { key: WORKING_HOURS_SETTING, value },
    update: { value },
    select: { key: true },
  });
}
