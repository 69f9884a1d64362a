// Reference data every deployment needs, demo or not: the case taxonomy and the working-time
// calendar. Idempotent: existing rows (possibly edited by an admin) are never overwritten.
import { CN_HOLIDAYS_2025_2026, DEFAULT_WORKING_HOURS } from '@gridgov/shared';
import { CATEGORY_TREE, type CategorySeed } from './categories';
import type { Db } from './factories';

export const WORKING_HOURS_SETTING = 'calendar.workingHours';

async function ensureCategory(
  db: Db,
  seed: CategorySeed,
  parentId: string | null,
  sortOrder: number,
): Promise<void> {
  // A native upsert (INSERT … ON CONFLICT) with no update: safe when several processes start at once.
  const row = await db.category.upsert({
    where: { code: seed.code },
    update: {},
    create: {
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
    },
    select: { id: true },
  });
  for (const [index, child] of (seed.children ?? []).entries())
    await ensureCategory(db, child, row.id, index);
}

export async function ensureReferenceData(db: Db): Promise<void> {
  for (const [index, seed] of CATEGORY_TREE.entries()) await ensureCategory(db, seed, null, index);
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
