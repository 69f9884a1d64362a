import type { Prisma, PrismaClient } from '@gridgov/db';

export const auditEntrySelect = {
  id: true,
  at: true,
  actorId: true,
  actorName: true,
  action: true,
  entity: true,
  entityId: true,
  townId: true,
  before: true,
  after: true,
  ip: true,
  summary: true,
} satisfies Prisma.AuditLogSelect;

/** Newest first; `take` one more than the page to know whether there is a next page. */
export function findAuditEntries(prisma: PrismaClient, where: Prisma.AuditLogWhereInput, take: number) {
  return prisma.auditLog.findMany({
    where,
    select: auditEntrySelect,
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take,
  });
}
