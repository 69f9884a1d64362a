// A cheap fingerprint of every data table (row count and an order-independent md5 of the rows), to
// prove that a refused request changed nothing. Meant for the small fixtures of tests only.
import type { Database } from '@gridgov/db';

/**
 * What a refused request may legitimately write, left out of the fingerprint:
 * - LoginAttempt: every refused sign-in is recorded for throttling (that is its purpose);
 * - AuditLog rows of `auth.*` actions: the audit trail of sign-ins, refused ones included;
 * - Session.lastSeenAt: the sliding session is touched when a request comes in, before it is judged.
 */
const EXCLUDED_TABLES = new Set(['_prisma_migrations', 'LoginAttempt']);
const ROWS_OF: Record<string, string> = {
  AuditLog: `(SELECT * FROM "AuditLog" WHERE action NOT LIKE 'auth.%')`,
  Session: `(SELECT id, "staffId", "createdAt", "expiresAt", ip, "userAgent" FROM "Session")`,
};

export type Fingerprint = Record<string, string>;

export async function createFingerprinter(db: Database) {
  const tables = (
    await db.prisma.$queryRawUnsafe<{ name: string }[]>(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
    )
  )
    .map((t) => t.name)
    .filter((name) => !EXCLUDED_TABLES.has(name));
  const sql = tables
    .map((name) => {
      const rows = ROWS_OF[name] ?? `"${name}"`;
      return `SELECT '${name}' AS name, count(*)::text || ':' || coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), '') AS print FROM ${rows} t`;
    })
    .join(' UNION ALL ');
  return {
    tables,
    take: async (): Promise<Fingerprint> =>
      Object.fromEntries(
        (await db.prisma.$queryRawUnsafe<{ name: string; print: string }[]>(sql)).map((r) => [
          r.name,
          r.print,
        ]),
      ),
  };
}

/** The tables whose fingerprint differs. */
export const changedTables = (before: Fingerprint, after: Fingerprint) =>
  Object.keys(after).filter((name) => before[name] !== after[name]);
