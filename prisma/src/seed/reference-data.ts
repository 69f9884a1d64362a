// Reference data every deployment needs, demo or not: the case taxonomy and the working-time
// calendar. Idempotent: existing rows (possibly edited by an admin) are never overwritten.
import { CN_HOLIDAYS_2025_2026, DEFAULT_WORKING_HOURS } from '@gridgov/shared';
import type { Prisma } from '../generated/client';
import { CATEGORY_TREE, type CategorySeed } from './categories';
import type { Db } from './factories';

export const WORKING_HOURS_SETTING = 'calendar.workingHours';

function toCategoryRow(seed: CategorySeed, parentId: string | null, sortOrder: number) {
  return {
    code: seed.code,
    name: seed.name,
    nameEn: seed.nameEn,
    parentId,
    slaUnit: seed.sla?.unit ?? 'working_days',
    slaAmount: seed.sla?.amount ?? 5,
    defaultPriority: seed.priority ?? 'normal',
    defaultHandler: seed.department ? 'department' : 'grid_worker',
    departmentName: seed.department ?? null,
    fields: seed.fields ?? [],
    sortOrder,
  } satisfies Prisma.CategoryCreateManyInput;
}

/**
 * The two-level taxonomy in three statements (a first start waits on it): INSERT … ON CONFLICT DO
 * NOTHING, safe when several processes start at once, and never overwriting an admin's edits.
 */
async function ensureCategories(db: Db): Promise<void> {
  await db.category.createMany({
    data: CATEGORY_TREE.map((seed, index) => toCategoryRow(seed, null, index)),
    skipDuplicates: true,
  });
  const parents = await db.category.findMany({
    where: { code: { in: CATEGORY_TREE.map((seed) => seed.code) } },
    select: { id: true, code: true },
  });
  const idOf = new Map(parents.map((p) => [p.code, p.id]));
  await db.category.createMany({
    data: CATEGORY_TREE.flatMap((seed) =>
      (seed.children ?? []).map((child, index) => toCategoryRow(child, idOf.get(seed.code)!, index)),
    ),
    skipDuplicates: true,
  });
}

export async function ensureReferenceData(db: Db): Promise<void> {
  await ensureCategories(db);
  await db.calendarYear.createMany({
    data: Object.entries(CN_HOLIDAYS_2025_2026).map(([year, value]) => ({
      year: Number(year),
      holidays: value.holidays,
    })),
    skipDuplicates: true,
  });
  await db.setting.createMany({
    data: [{ key: WORKING_HOURS_SETTING, value: [...DEFAULT_WORKING_HOURS] }],
    skipDuplicates: true,
  });
}
