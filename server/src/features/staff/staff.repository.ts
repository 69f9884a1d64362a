import { Prisma, type PrismaClient, type SqlClient } from '@gridgov/db';
import type { ActorScope } from '../../lib/auth/scope';
import { staffVisibleSql } from '../../lib/auth/scope.sql';

/**
 * Of the given people, those the viewer's scope covers, and the viewer (shown with unmasked phone
 * numbers). On the read fast path: every case, grid and hierarchy view asks.
 */
export async function findVisibleStaffIds(
  sql: SqlClient,
  viewer: { id: string; scope: ActorScope },
  staffIds: string[],
): Promise<Set<string>> {
  if (staffIds.length === 0) return new Set();
  const rows = await sql.query<{ id: string }>(
    Prisma.sql`SELECT s.id FROM "Staff" s WHERE s.id = ANY(${staffIds}::uuid[]) AND ${staffVisibleSql('s', viewer)}`,
  );
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
