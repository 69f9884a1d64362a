import type { Prisma, SqlClient } from '@gridgov/db';
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

/** What reporting needs of a category (read fast path: every report asks). Null when unknown. */
export async function findReportableCategory(sql: SqlClient, code: string) {
  const [row] = await sql.query<{
    id: string;
    defaultPriority: CategoryRow['defaultPriority'];
    fields: CategoryRow['fields'];
    isActive: boolean;
    hasChildren: boolean;
  }>({
    text: `SELECT c.id, c."defaultPriority"::text AS "defaultPriority", c.fields, c."isActive",
        EXISTS (SELECT 1 FROM "Category" child WHERE child."parentId" = c.id) AS "hasChildren"
      FROM "Category" c WHERE c.code = $1`,
    values: [code],
  });
  return row ?? null;
}

/** What accepting a case needs from its category: the deadline and who handles it. */
export function findCategorySla(db: Db, id: string) {
  return db.category.findUniqueOrThrow({
    where: { id },
    select: { slaUnit: true, slaAmount: true, defaultHandler: true, departmentName: true },
  });
}
