import { type PrismaClient, WORKING_HOURS_SETTING } from '@gridgov/db';
import { DEFAULT_WORKING_HOURS, type WorkingCalendar, workingCalendarSchema } from '@gridgov/shared';
import type { Db } from '../../lib/db';

/** The working-time calendar as stored (holiday years and working hours), validated. */
export async function loadWorkingCalendar(db: Db | PrismaClient): Promise<WorkingCalendar> {
  const [years, hours] = await Promise.all([
    db.calendarYear.findMany({ select: { year: true, holidays: true } }),
    db.setting.findUnique({ where: { key: WORKING_HOURS_SETTING }, select: { value: true } }),
  ]);
  return workingCalendarSchema.parse({
    workingHours: hours?.value ?? DEFAULT_WORKING_HOURS,
    years: Object.fromEntries(years.map((y) => [String(y.year), { holidays: y.holidays }])),
  });
}
