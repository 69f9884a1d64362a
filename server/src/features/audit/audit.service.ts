import type { Prisma } from '@gridgov/db';
import {
  type AuditPage,
  type AuditQuery,
  chinaDayEnd,
  chinaDayStart,
  isInstantInInputRange,
} from '@gridgov/shared';
import type { Actor } from '../../lib/auth/scope';
import type { AppContext } from '../../lib/context';
import { AppError, forbidden } from '../../lib/errors';
import { findAuditEntries } from './audit-query.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeAuditCursor(entry: { at: Date; id: string }): string {
  return Buffer.from(`${entry.at.toISOString()}|${entry.id}`).toString('base64url');
}

function decodeAuditCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const date = new Date(at ?? '');
  if (!id || !UUID.test(id) || !isInstantInInputRange(date)) {
    throw new AppError('bad_request', 'Invalid cursor');
  }
  return { at: date, id };
}

function scopeWhere(actor: Actor): Prisma.AuditLogWhereInput {
  // County-wide staff also see entries that belong to no town (unknown usernames) and those filed under
  // the county itself (county staff's own sign-ins and changes).
  if (actor.scope.level === 'county') {
    return {
      OR: [{ townId: { in: [...actor.scope.townIds, ...actor.scope.regionIds] } }, { townId: null }],
    };
  }
  return { townId: { in: actor.scope.townIds } };
}

export function buildAuditWhere(actor: Actor, query: AuditQuery): Prisma.AuditLogWhereInput {
  const filters: Prisma.AuditLogWhereInput[] = [scopeWhere(actor)];
  if (query.actor) {
    filters.push(
      UUID.test(query.actor)
        ? { actorId: query.actor }
        : { actorName: { contains: query.actor, mode: 'insensitive' } },
    );
  }
  if (query.action) filters.push({ action: { startsWith: query.action } });
  if (query.entity) filters.push({ entity: query.entity });
  if (query.entityId) filters.push({ entityId: query.entityId });
  if (query.from) filters.push({ at: { gte: chinaDayStart(query.from) } });
  if (query.to) filters.push({ at: { lt: chinaDayEnd(query.to) } });
  if (query.cursor) {
    const { at, id } = decodeAuditCursor(query.cursor);
    filters.push({ OR: [{ at: { lt: at } }, { at, id: { lt: id } }] });
  }
  return { AND: filters };
}

export async function listAuditEntries(ctx: AppContext, actor: Actor, query: AuditQuery): Promise<AuditPage> {
  if (!actor.roles.some((r) => r === 'admin' || r === 'town_leader') || actor.scope.level === 'grids') {
    throw forbidden('Only administrators and town leaders may read the audit log');
  }
  const rows = await findAuditEntries(ctx.prisma, buildAuditWhere(actor, query), query.limit + 1);
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((r) => ({
      ...r,
      at: r.at.toISOString(),
      before: r.before ?? null,
      after: r.after ?? null,
    })),
    nextCursor: rows.length > query.limit ? encodeAuditCursor(page[page.length - 1]!) : null,
  };
}
