import type { Prisma } from '@gridgov/db';
import {
  type Category,
  type CreateCategory,
  extraFieldListSchema,
  type SlaDuration,
  type UpdateCategory,
} from '@gridgov/shared';
import { type Actor, isCountyAdmin } from '../../lib/auth/scope';
import type { AppContext } from '../../lib/context';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { parseStoredJson } from '../../lib/stored-json';
import { diffFields, recordAudit } from '../audit/audit.repository';
import {
  type CategoryRow,
  findCategories,
  findCategoryByCode,
  insertCategory,
  updateCategoryByCode,
} from './categories.repository';

export function toSlaDuration(row: Pick<CategoryRow, 'slaUnit' | 'slaAmount'>): SlaDuration {
  return row.slaUnit === 'working_days'
    ? { unit: 'working_days', amount: Math.max(1, Math.round(row.slaAmount)) }
    : { unit: 'working_hours', amount: row.slaAmount };
}

export function toCategory(row: CategoryRow): Category {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    nameEn: row.nameEn,
    parentCode: row.parent?.code ?? null,
    sla: toSlaDuration(row),
    defaultPriority: row.defaultPriority,
    defaultHandler: row.defaultHandler === 'department' ? 'department' : 'grid_worker',
    departmentName: row.departmentName,
    fields: parseStoredJson(extraFieldListSchema, row.fields, `Category.fields (${row.code})`),
    isActive: row.isActive,
  };
}

export async function listCategories(ctx: AppContext): Promise<{ items: Category[] }> {
  // Parents first, children in their configured order: the client groups them.
  return { items: (await findCategories(ctx.prisma)).map(toCategory) };
}

/** The taxonomy serves every town of the county, so only county-level administrators change it. */
function assertAdmin(actor: Actor): void {
  if (!isCountyAdmin(actor.scope)) {
    throw forbidden('Only county administrators edit categories');
  }
}

function toColumns(input: UpdateCategory): Prisma.CategoryUncheckedUpdateInput {
  return {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.nameEn !== undefined ? { nameEn: input.nameEn } : {}),
    ...(input.sla ? { slaUnit: input.sla.unit, slaAmount: input.sla.amount } : {}),
    ...(input.defaultPriority ? { defaultPriority: input.defaultPriority } : {}),
    ...(input.defaultHandler ? { defaultHandler: input.defaultHandler } : {}),
    ...(input.departmentName !== undefined ? { departmentName: input.departmentName } : {}),
    ...(input.fields ? { fields: input.fields as Prisma.InputJsonValue } : {}),
    ...(input.isActive !== undefined ? { isActive: input.isActive } : {}),
  };
}

export async function createCategory(
  ctx: AppContext,
  actor: Actor,
  input: CreateCategory,
): Promise<Category> {
  assertAdmin(actor);
  if (await findCategoryByCode(ctx.prisma, input.code))
    throw new AppError('conflict', `Category ${input.code} exists`);
  const parent = input.parentCode ? await findCategoryByCode(ctx.prisma, input.parentCode) : null;
  if (input.parentCode && (!parent || parent.parent)) {
    throw new AppError('unprocessable', 'The parent must be an existing top-level category');
  }
  const row = await ctx.prisma.$transaction(async (tx) => {
    const created = await insertCategory(tx, {
      code: input.code,
      parentId: parent?.id ?? null,
      ...(toColumns(input) as Omit<Prisma.CategoryUncheckedCreateInput, 'code' | 'slaUnit' | 'slaAmount'>),
      slaUnit: input.sla.unit,
      slaAmount: input.sla.amount,
      name: input.name,
      nameEn: input.nameEn,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      actorName: actor.name,
      action: 'category.create',
      entity: 'category',
      entityId: input.code,
      after: toCategory(created) as unknown as Prisma.InputJsonValue,
      summary: `${input.code} ${input.name}`,
    });
    return created;
  });
  return toCategory(row);
}

export async function updateCategory(
  ctx: AppContext,
  actor: Actor,
  code: string,
  input: UpdateCategory,
): Promise<Category> {
  assertAdmin(actor);
  const current = await findCategoryByCode(ctx.prisma, code);
  if (!current) throw notFound('Category');
  // The department rule holds for the row as it will be, not just for the fields sent.
  const handler = input.defaultHandler ?? current.defaultHandler;
  const department = input.departmentName !== undefined ? input.departmentName : current.departmentName;
  if (handler === 'department' && !department) {
    throw new AppError('validation_failed', 'A department-handled category needs the department’s name', [
      { path: 'departmentName', message: 'required' },
    ]);
  }
  const row = await ctx.prisma.$transaction(async (tx) => {
    const updated = await updateCategoryByCode(tx, code, toColumns(input));
    const change = diffFields<Record<string, unknown>>(toCategory(current), toCategory(updated));
    await recordAudit(tx, {
      actorId: actor.id,
      actorName: actor.name,
      action: 'category.update',
      entity: 'category',
      entityId: code,
      before: change.before as Prisma.InputJsonValue,
      after: change.after as Prisma.InputJsonValue,
      summary: `${code} ${updated.name}`,
    });
    return updated;
  });
  return toCategory(row);
}
