// Calendar administration: a year's holiday notice (放假调休) and the daily working hours. Deadlines
// already set live on case events (docs/decisions/006), so an edit reaches only deadlines set later.
import type { Prisma } from '@gridgov/db';
import {
  type CalendarAdmin,
  type CalendarYearInput,
  checkCalendarYear,
  DEFAULT_WORKING_HOURS,
  holidayArrangementSchema,
  listYearsMissing,
  type WorkingPeriod,
  workingCalendarSchema,
} from '@gridgov/shared';
import { z } from 'zod';
import { type Actor, isCountyAdmin } from '../../lib/auth/scope';
import type { AppContext } from '../../lib/context';
import type { Db } from '../../lib/db';
import { AppError, forbidden } from '../../lib/errors';
import { diffFields, recordAudit } from '../audit/audit.repository';
import {
  findCalendarYear,
  findCalendarYears,
  findWorkingHours,
  forgetWorkingCalendar,
  upsertCalendarYear,
  upsertWorkingHours,
} from './calendar.repository';

export const MIN_CALENDAR_YEAR = 2000;
export const MAX_CALENDAR_YEAR = 2100;

function assertReader(actor: Actor): void {
  if (
    !(actor.roles.includes('admin') || actor.roles.includes('town_leader')) ||
    actor.scope.level === 'grids'
  ) {
    throw forbidden('Only administrators and town leaders see the calendar settings');
  }
}

/** One calendar serves the whole county (and every town in it), so only county administrators edit it. */
function assertEditor(actor: Actor): void {
  if (!isCountyAdmin(actor.scope)) {
    throw forbidden('Only county administrators edit the working calendar');
  }
}

async function readCalendarAdmin(db: Db, now: Date): Promise<CalendarAdmin> {
  const [years, hours] = await Promise.all([findCalendarYears(db), findWorkingHours(db)]);
  const calendar = workingCalendarSchema.parse({
    workingHours: hours?.value ?? DEFAULT_WORKING_HOURS,
    years: Object.fromEntries(years.map((y) => [String(y.year), { holidays: y.holidays }])),
  });
  const nextYear = new Date(now.getTime() + 366 * 24 * 3600 * 1000);
  return {
    workingHours: calendar.workingHours,
    years: years.map((y) => ({
      year: y.year,
      holidays: z.array(holidayArrangementSchema).parse(y.holidays),
    })),
    missingYears: listYearsMissing(calendar, now, nextYear),
  };
}

export async function getCalendarAdmin(ctx: AppContext, actor: Actor): Promise<CalendarAdmin> {
  assertReader(actor);
  return readCalendarAdmin(ctx.prisma, new Date());
}

export async function saveCalendarYear(
  ctx: AppContext,
  actor: Actor,
  year: number,
  input: CalendarYearInput,
): Promise<CalendarAdmin> {
  assertEditor(actor);
  if (!Number.isInteger(year) || year < MIN_CALENDAR_YEAR || year > MAX_CALENDAR_YEAR) {
    throw new AppError(
      'validation_failed',
      `The year must be between ${MIN_CALENDAR_YEAR} and ${MAX_CALENDAR_YEAR}`,
    );
  }
  const problems = checkCalendarYear(year, input);
  if (problems.length > 0) throw new AppError('validation_failed', problems[0]!.message, problems);
  const result = await ctx.prisma.$transaction(async (tx) => {
    const before = await findCalendarYear(tx, year);
    const holidays = input.holidays as unknown as Prisma.InputJsonValue;
    await upsertCalendarYear(tx, year, holidays);
    await recordAudit(tx, {
      actorId: actor.id,
      actorName: actor.name,
      action: before ? 'calendar.year_update' : 'calendar.year_create',
      entity: 'calendar_year',
      entityId: String(year),
      before: before ? { holidays: before.holidays } : null,
      after: { holidays },
      summary: `${year}: ${input.holidays.length} holidays`,
    });
    return readCalendarAdmin(tx, new Date());
  });
  forgetWorkingCalendar();
  return result;
}

export async function saveWorkingHours(
  ctx: AppContext,
  actor: Actor,
  workingHours: WorkingPeriod[],
): Promise<CalendarAdmin> {
  assertEditor(actor);
  const result = await ctx.prisma.$transaction(async (tx) => {
    const before = await findWorkingHours(tx);
    const change = diffFields({ workingHours: before?.value ?? DEFAULT_WORKING_HOURS }, { workingHours });
    await upsertWorkingHours(tx, workingHours as unknown as Prisma.InputJsonValue);
    await recordAudit(tx, {
      actorId: actor.id,
      actorName: actor.name,
      action: 'calendar.working_hours_update',
      entity: 'setting',
      entityId: 'calendar.workingHours',
      before: change.before as Prisma.InputJsonValue,
      after: change.after as Prisma.InputJsonValue,
      summary: workingHours.map((p) => `${p.start}–${p.end}`).join(', '),
    });
    return readCalendarAdmin(tx, new Date());
  });
  forgetWorkingCalendar();
  return result;
}
