import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient, SqlClient } from '@gridgov/db';
import type { ActorRows } from './scope';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Starts a session; the cookie carries the token, the table only its hash. */
export async function createSession(
  prisma: PrismaClient,
  input: { staffId: string; ttlHours: number; ip: string | undefined; userAgent: string | undefined },
): Promise<string> {
  const token = createToken();
  await prisma.session.create({
    data: {
      id: hashToken(token),
      staffId: input.staffId,
      expiresAt: new Date(Date.now() + input.ttlHours * 3_600_000),
      ip: input.ip ?? null,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    },
    select: { id: true },
  });
  return token;
}

/**
 * The session, its person and what their scope is computed from, in one statement on the read fast
 * path (docs/decisions/014-read-fast-path.md): every signed-in request runs it.
 */
const SESSION_SQL = `
  SELECT s.id, s."expiresAt", s."lastSeenAt",
    st.id AS "staffId", st.username, st.name, st.status::text AS status, st."disabledAt",
    st."mustChangePassword",
    (SELECT json_agg(json_build_array(r.role, r."regionId",
        (SELECT rg.level FROM "Region" rg WHERE rg.id = r."regionId")))
      FROM "StaffRole" r WHERE r."staffId" = s."staffId") AS roles,
    (SELECT json_agg(json_build_array(a."gridId", a.role,
        (SELECT g."townId" FROM "Grid" g WHERE g.id = a."gridId")) ORDER BY a."startedAt", a.id)
      FROM "GridAssignment" a WHERE a."staffId" = s."staffId" AND a."endedAt" IS NULL) AS assignments
  FROM "Session" s JOIN "Staff" st ON st.id = s."staffId"
  WHERE s.id = $1`;

type Role = ActorRows['roles'][number]['role'];
type RegionLevel = ActorRows['roles'][number]['region']['level'];

/** Scalar subqueries and arrays rather than joins and objects: half the planning time (decision 014). */
interface SessionSqlRow {
  id: string;
  expiresAt: Date;
  lastSeenAt: Date;
  staffId: string;
  username: string;
  name: string;
  status: string;
  disabledAt: Date | null;
  mustChangePassword: boolean;
  roles: [Role, string, RegionLevel][] | null;
  assignments: [string, Role, string][] | null;
}

export interface LiveSession {
  sessionId: string;
  mustChangePassword: boolean;
  staff: ActorRows & { id: string; username: string; name: string };
}

/**
 * Finds the live session for a token, or null. A session of a person who departed or was disabled
 * ends here, at their next request, whatever path changed their status.
 */
export async function findLiveSession(
  db: { prisma: PrismaClient; sql: SqlClient },
  token: string,
): Promise<LiveSession | null> {
  const id = hashToken(token);
  const [row] = await db.sql.query<SessionSqlRow>({ text: SESSION_SQL, values: [id] });
  if (!row) return null;
  const isGone = row.status === 'departed' || row.disabledAt !== null;
  if (new Date(row.expiresAt) <= new Date() || isGone) {
    await db.prisma.session.deleteMany({ where: isGone ? { staffId: row.staffId } : { id } });
    return null;
  }
  // Touch at most once a minute: cheap enough for every request, precise enough for "last seen".
  if (Date.now() - new Date(row.lastSeenAt).getTime() > 60_000) {
    await db.prisma.session.update({ where: { id }, data: { lastSeenAt: new Date() }, select: { id: true } });
  }
  return {
    sessionId: id,
    mustChangePassword: row.mustChangePassword,
    staff: {
      id: row.staffId,
      username: row.username,
      name: row.name,
      roles: (row.roles ?? []).map(([role, id, level]) => ({ role, region: { id, level } })),
      assignments: (row.assignments ?? []).map(([gridId, role, townId]) => ({
        gridId,
        role,
        grid: { townId },
      })),
    },
  };
}

export async function deleteSession(prisma: PrismaClient, token: string): Promise<void> {
  await prisma.session.deleteMany({ where: { id: hashToken(token) } });
}

export async function deleteStaffSessions(prisma: PrismaClient, staffId: string): Promise<void> {
  await prisma.session.deleteMany({ where: { staffId } });
}
