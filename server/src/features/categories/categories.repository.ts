import type { Prisma } from '@gridgov/db';
import type { Db } from '../../lib/db';

export const categorySelect = {
  id: true,
  code: true,
  name: true,
  nameEn: true,
  slaUnit: true,
  slaAmount: true,
  defaultPriority: true,
  defaultHandler: true,
  departmentName: true,
  fields: true,
  isActive: true,
  parent: { select: { code: true } },
  _count: { select: { children: true } },
} satisfies Prisma.CategorySelect;

export type CategoryRow = Prisma.CategoryGetPayload<{ select: typeof categorySelect }>;

export function findCategories(db: Db) {
  return db.category.findMany({
    select: categorySelect,
    orderBy: [{ parentId: { sort: 'asc', nulls: 'first' } }, { sortOrder: 'asc' }],
  });
}

export function findCategoryByCode(db: Db, code: string) {
  return db.category.findUnique({ where: { code }, select: categorySelect });
}

export function insertCategory(db: Db, data: Prisma.CategoryUncheckedCreateInput) {
  return db.category.create({ data, select: categorySelect });
}

export function updateCategoryByCode(db: Db, code: string, data: Prisma.CategoryUncheckedUpdateInput) {
  return db.category.update({ where: { code }, data, select: categorySelect });
}

/** What accepting a case needs from its category: the deadline and who handles it. */
export function findCategorySla(db: Db, id: string) {
  return db.category.findUniqueOrThrow({
    where: { id },
    select: { slaUnit: true, slaAmount: true, defaultHandler: true, departmentName: true },
  });
}
