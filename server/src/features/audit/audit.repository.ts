import type { Prisma } from '@gridgov/db';
import type { Db } from '../../lib/db';

/** One administrative change or sign-in event. `before`/`after` hold only the fields that changed. */
export interface AuditEntry {
  actorId: string | null;
  actorName: string;
  /** Dotted verb: `staff.create`, `grid.split`, `category.update`, `auth.login_failed`, … */
  action: string;
  entity: string;
  entityId?: string | null;
  townId?: string | null;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
  ip?: string | null;
  summary?: string;
}

/**
 * Appends to the audit log. Pass the transaction client of the change itself so the entry and the
 * change commit (or roll back) together. The log is append-only: there is no update or delete here.
 */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({
    data: {
      actorId: entry.actorId,
      actorName: entry.actorName,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      townId: entry.townId ?? null,
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
      ip: entry.ip ?? null,
      summary: entry.summary ?? '',
    },
    select: { id: true },
  });
}

/** Only the keys whose values differ, as `{before, after}` — what the audit log stores. */
export function diffFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    const next = after[key];
    if (next === undefined) continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(next)) {
      b[key] = before[key] ?? null;
      a[key] = next;
    }
  }
  return { before: b, after: a };
}

/** Many entries at once (a roster import), in the caller's transaction like `recordAudit`. */
export async function recordAudits(db: Db, entries: AuditEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 1000) {
    await db.auditLog.createMany({
      data: entries.slice(i, i + 1000).map((entry) => ({
        actorId: entry.actorId,
        actorName: entry.actorName,
        action: entry.action,
        entity: entry.entity,
        entityId: entry.entityId ?? null,
        townId: entry.townId ?? null,
        before: entry.before ?? undefined,
        after: entry.after ?? undefined,
        ip: entry.ip ?? null,
        summary: entry.summary ?? '',
      })),
    });
  }
}
