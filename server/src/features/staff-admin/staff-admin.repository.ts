import type { Prisma, PrismaClient } from '@gridgov/db';
import type { Db } from '../../lib/db';

export const rosterItemSelect = {
  id: true,
  username: true,
  name: true,
  phone: true,
  status: true,
  isPartyMember: true,
  disabledAt: true,
  regionId: true,
  createdAt: true,
  roles: { select: { role: true, regionId: true } },
  assignments: {
    where: { endedAt: null },
    select: {
      id: true,
      role: true,
      grid: {
        select: {
          id: true,
          code: true,
          name: true,
          townId: true,
          village: { select: { id: true, name: true } },
        },
      },
    },
    orderBy: { startedAt: 'asc' },
  },
} satisfies Prisma.StaffSelect;
export type RosterRow = Prisma.StaffGetPayload<{ select: typeof rosterItemSelect }>;

export async function findRosterPage(
  prisma: PrismaClient,
  where: Prisma.StaffWhereInput,
  page: { skip: number; take: number },
) {
  const [items, total] = await Promise.all([
    prisma.staff.findMany({ where, select: rosterItemSelect, orderBy: { username: 'asc' }, ...page }),
    prisma.staff.count({ where }),
  ]);
  return { items, total };
}

export function findRosterRow(db: Db, id: string) {
  return db.staff.findUnique({ where: { id }, select: rosterItemSelect });
}

export function findAssignmentHistory(db: Db, staffId: string) {
  return db.gridAssignment.findMany({
    where: { staffId },
    select: {
      id: true,
      role: true,
      startedAt: true,
      endedAt: true,
      grid: { select: { id: true, code: true, name: true } },
    },
    orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
  });
}

export function findTown(db: Db, id: string) {
  return db.region.findFirst({ where: { id, level: 'town' }, select: { id: true } });
}

/** The town a roster filter's village or grid lies in (null when there is no such village or grid). */
export async function findFilterTown(db: Db, filter: { gridId?: string; villageId?: string }) {
  if (filter.gridId) {
    return (
      (await db.grid.findUnique({ where: { id: filter.gridId }, select: { townId: true } }))?.townId ?? null
    );
  }
  const village = await db.region.findFirst({
    where: { id: filter.villageId!, level: 'village' },
    select: { parentId: true },
  });
  return village?.parentId ?? null;
}

export function findGridForAssignment(db: Db, id: string) {
  return db.grid.findUnique({ where: { id }, select: { id: true, code: true, townId: true } });
}

/** The active worker of a grid (at most one by the roster rules). */
/** The grid's active worker and leader (single-holder posts), with their names. */
export async function findPostHolders(db: Db, gridId: string) {
  const rows = await db.gridAssignment.findMany({
    where: { gridId, role: { in: ['grid_worker', 'grid_leader'] }, endedAt: null },
    select: { role: true, staffId: true, staff: { select: { name: true } } },
  });
  const holder = (role: string) => rows.find((r) => r.role === role) ?? null;
  return { worker: holder('grid_worker'), leader: holder('grid_leader') };
}

export function countStaffByUsername(db: Db, username: string) {
  return db.staff.count({ where: { username } });
}

export function countStaffWithPhone(db: Db, phone: string, exceptId?: string) {
  return db.staff.count({
    where: { phone, status: { not: 'departed' }, ...(exceptId ? { id: { not: exceptId } } : {}) },
  });
}

export function insertStaff(
  tx: Prisma.TransactionClient,
  data: Prisma.StaffUncheckedCreateInput,
  roles: { role: Prisma.StaffRoleCreateManyInput['role']; regionId: string }[],
) {
  return tx.staff.create({
    data: { ...data, roles: { createMany: { data: roles } } },
    select: { id: true },
  });
}

export function updateStaffRow(tx: Prisma.TransactionClient, id: string, data: Prisma.StaffUpdateInput) {
  return tx.staff.update({ where: { id }, data, select: { id: true } });
}

export async function replaceRoles(
  tx: Prisma.TransactionClient,
  staffId: string,
  remove: { role: Prisma.StaffRoleCreateManyInput['role']; regionId: string }[],
  add: { role: Prisma.StaffRoleCreateManyInput['role']; regionId: string }[],
): Promise<void> {
  for (const r of remove)
    await tx.staffRole.deleteMany({ where: { staffId, role: r.role, regionId: r.regionId } });
  if (add.length) await tx.staffRole.createMany({ data: add.map((r) => ({ ...r, staffId })) });
}

export function insertAssignment(
  tx: Prisma.TransactionClient,
  data: { staffId: string; gridId: string; role: Prisma.GridAssignmentCreateManyInput['role'] },
) {
  return tx.gridAssignment.create({ data, select: { id: true, startedAt: true } });
}

export function endAssignments(tx: Prisma.TransactionClient, ids: string[], at: Date) {
  return tx.gridAssignment.updateMany({ where: { id: { in: ids }, endedAt: null }, data: { endedAt: at } });
}

export function findActiveAssignment(db: Db, id: string) {
  return db.gridAssignment.findFirst({
    where: { id, endedAt: null },
    select: { id: true, staffId: true, role: true, grid: { select: { id: true, code: true, townId: true } } },
  });
}

export function deleteSessionsOf(tx: Prisma.TransactionClient, staffId: string) {
  return tx.session.deleteMany({ where: { staffId } });
}
