// "Open and late" in SQL, the one definition behind the case list's `overdue` filter, the map's points
// and the statistics' overdue figure. It is shared/src/live/live.schema.ts `isOverdueNow` (used where
// a single case is at hand) written for the database: running past the deadline, or suspended after
// it (suspending a late case does not make it on time). Handled-late cases keep their red badge as a
// record, but the worker's part is done, so they are not open and late.
import { Prisma } from '@gridgov/db';
import { RUNNING_DEADLINE_STATUSES } from '@gridgov/shared';

/** `c.` for a query that names the case table `c`, nothing for one that reads "Case" alone. */
export function openAndLateSql(now: Date, table: 'c' | null = null): Prisma.Sql {
  const column = (name: string) => Prisma.raw(table ? `${table}."${name}"` : `"${name}"`);
  const running = Prisma.join(RUNNING_DEADLINE_STATUSES.map((s) => Prisma.sql`${s}::"CaseStatus"`));
  return Prisma.sql`((${column('status')} IN (${running}) AND ${column('deadline')} < ${now})
    OR (${column('status')} = 'suspended' AND ${column('pausedAt')} > ${column('deadline')}))`;
}
