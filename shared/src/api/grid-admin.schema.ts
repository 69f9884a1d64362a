import { z } from 'zod';
import { holidayArrangementSchema, workingHoursSchema } from '../calendar/calendar.schema';
import { GRID_IMPORT_PROBLEM_CODES } from '../geo/grid-import';

const position = z.tuple([z.number(), z.number()]);
const polygonCoords = z.array(z.array(position));

export const gridImportProblemSchema = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.enum(GRID_IMPORT_PROBLEM_CODES),
  featureIndex: z.number().int().nullable(),
  gridCode: z.string().nullable(),
  message: z.string(),
  location: position.nullable(),
  areas: z.array(polygonCoords),
});
export type GridImportProblemDto = z.infer<typeof gridImportProblemSchema>;

/** The dry run's answer; the commit answers the same with `committed: true`, or 422 with the problems. */
export const gridImportResultSchema = z.object({
  committed: z.boolean(),
  created: z.array(z.string()),
  updated: z.array(z.string()),
  problems: z.array(gridImportProblemSchema),
  /** Open cases that now lie in another grid and moved there (commit only; the dry run moves none). */
  movedCaseIds: z.array(z.string()),
});
export type GridImportResult = z.infer<typeof gridImportResultSchema>;

const count = z.number().int().min(0).max(10_000_000).nullable();

export const updateGridSchema = z
  .object({
    name: z.string().trim().min(1).max(60).optional(),
    households: count.optional(),
    population: count.optional(),
    boundary: z.object({ type: z.literal('Polygon'), coordinates: polygonCoords }).optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'nothing to change' });
export type UpdateGridInput = z.infer<typeof updateGridSchema>;

/** A grid after an edit; a redrawn boundary also moves the open cases that now lie in another grid. */
export const gridUpdateResultSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  areaSqm: z.number(),
  households: z.number().int().nullable(),
  population: z.number().int().nullable(),
  movedCaseIds: z.array(z.string()),
});
export type GridUpdateResult = z.infer<typeof gridUpdateResultSchema>;

export const splitGridSchema = z.object({
  /** The cut, as [lon, lat] positions; it must cross the grid's boundary exactly twice. */
  line: z.array(position).min(2).max(500),
  newName: z.string().trim().min(1).max(60).optional(),
  /** Workers or patrollers of the grid who move to the new piece. */
  moveStaffIds: z.array(z.uuid()).max(50).default([]),
});
export type SplitGridInput = z.input<typeof splitGridSchema>;

export const mergeGridsSchema = z.object({
  /** The grid that stays (code, staff); the other is absorbed into it and removed. */
  keepId: z.uuid(),
  absorbId: z.uuid(),
});
export type MergeGridsInput = z.infer<typeof mergeGridsSchema>;

export const regridResultSchema = z.object({
  grids: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      areaSqm: z.number(),
      households: z.number().int().nullable(),
      population: z.number().int().nullable(),
    }),
  ),
  removedGridId: z.string().nullable(),
  movedCaseIds: z.array(z.string()),
});
export type RegridResult = z.infer<typeof regridResultSchema>;

/** A year's holiday notice as an admin enters it. Dates must lie in the year; no day both off and worked. */
export const calendarYearInputSchema = z.object({ holidays: z.array(holidayArrangementSchema).max(30) });
export type CalendarYearInput = z.infer<typeof calendarYearInputSchema>;

export const calendarAdminSchema = z.object({
  workingHours: workingHoursSchema,
  years: z.array(z.object({ year: z.number().int(), holidays: z.array(holidayArrangementSchema) })),
  /** Years around today with no notice entered: deadlines there fall back to plain Mon–Fri. */
  missingYears: z.array(z.number().int()),
});
export type CalendarAdmin = z.infer<typeof calendarAdminSchema>;

export const workingHoursInputSchema = z.object({ workingHours: workingHoursSchema });

/** Problems of one year's arrangement beyond its shape: dates outside the year, a day both off and worked. */
export function checkCalendarYear(
  year: number,
  input: CalendarYearInput,
): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const kindByDate = new Map<string, 'off' | 'workday'>();
  input.holidays.forEach((holiday, h) => {
    for (const kind of ['off', 'workdays'] as const) {
      holiday[kind].forEach((date, d) => {
        const path = `holidays.${h}.${kind}.${d}`;
        if (!date.startsWith(`${year}-`)) problems.push({ path, message: `${date} is not in ${year}` });
        const as = kind === 'off' ? 'off' : 'workday';
        const seen = kindByDate.get(date);
        if (seen && seen !== as) problems.push({ path, message: `${date} is both a day off and a workday` });
        else if (seen) problems.push({ path, message: `${date} is listed twice` });
        kindByDate.set(date, as);
      });
    }
  });
  return problems;
}
