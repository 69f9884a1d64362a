import type { Prisma, PrismaClient } from '@gridgov/db';
import { type ActorScope, staffScopeWhere } from '../../lib/auth/scope';

/** Of the given people, those the viewer's scope covers (shown with unmasked phone numbers). */
export async function findVisibleStaffIds(
  prisma: PrismaClient,
  scope: ActorScope,
  staffIds: string[],
): Promise<Set<string>> {
  if (staffIds.length === 0) return new Set();
  const rows = await prisma.staff.findMany({
    where: { AND: [{ id: { in: staffIds } }, staffScopeWhere(scope)] },
    select: { id: true },
  });
  return new Set(rows.map((r) => r.id));
}

export const staffItemSelect = {
  id: true,
  username: true,
  name: true,
  phone: true,
  status: true,
  isPartyMember: true,
  roles: { select: { role: true } },
  assignments: {
    where: { endedAt: null },
    select: {
      role: true,
      grid: { select: { id: true, code: true, name: true, village: { select: { id: true, name: true } } } },
    },
    orderBy: { startedAt: 'asc' },
  },
} satisfies Prisma.StaffSelect;

export async function findStaffPage(
  prisma: PrismaClient,
  where: Prisma.StaffWhereInput,
  page: { skip: number; take: number },
) {
  const [items, total] = await Promise.all([
    prisma.staff.findMany({ where, select: staffItemSelect, orderBy: { username: 'asc' }, ...page }),
    prisma.staff.count({ where }),
  ]);
  return { items, total };
}
