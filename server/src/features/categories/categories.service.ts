import type { Category, ExtraField, SlaDuration } from '@gridgov/shared';
import type { AppContext } from '../../lib/context';
import { type CategoryRow, findCategories } from './categories.repository';

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
    fields: row.fields as ExtraField[],
    isActive: row.isActive,
  };
}

export async function listCategories(ctx: AppContext): Promise<{ items: Category[] }> {
  // Parents first, children in their configured order: the client groups them.
  return { items: (await findCategories(ctx.prisma)).map(toCategory) };
}
