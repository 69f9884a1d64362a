// The work inbox's sections as SQL conditions over "Case" c (issue 20). One definition serves the
// counts (one statement for every section) and each section's first cases (the case list's page SQL).
import { Prisma } from '@gridgov/db';
import {
  chinaDayEnd,
  chinaDayOf,
  type InboxSectionKey,
  OPEN_STATUSES,
  RUNNING_DEADLINE_STATUSES,
} from '@gridgov/shared';
import type { Actor } from '../../lib/auth/scope';
import { isIn } from '../../lib/auth/scope.sql';
import type { CaseSort } from '../cases/case-list.query';
import { openAndLateSql } from '../cases/open-and-late.sql';

/** Roles whose holders are dispatched cases (and so have "my work" sections). */
const ASSIGNABLE_ROLES = ['grid_worker', 'grid_leader', 'patroller', 'town_leader'];

export interface InboxSection {
  key: InboxSectionKey;
  /** Whose cases: the grids and towns the person leads, or the cases assigned to them. */
  part: 'led' | 'mine';
  condition: Prisma.Sql;
  sort: CaseSort;
  /** The case list's filters for the whole section, when it can express it. */
  listQuery: Record<string, string> | null;
}

const status = (...values: string[]) => isIn(Prisma.sql`c.status`, values, '"CaseStatus"');

/** The sections this person has, in the order the inbox shows them. */
export function inboxSections(actor: Actor, now: Date): InboxSection[] {
  const sections: InboxSection[] = [];
  const { leaderGridIds, leaderTownIds } = actor.scope;
  const me = Prisma.sql`${actor.id}::uuid`;
  if (leaderGridIds.length || leaderTownIds.length) {
    sections.push(
      {
        key: 'to_accept',
        part: 'led',
        condition: status('reported'),
        sort: 'reported_asc',
        listQuery: { status: 'reported', sort: 'reported_asc' },
      },
      {
        key: 'to_dispatch',
        part: 'led',
        condition: status('accepted'),
        sort: 'deadline_asc',
        listQuery: { status: 'accepted', sort: 'deadline_asc' },
      },
      {
        key: 'to_verify',
        part: 'led',
        // A leader never checks their own work (the state machine refuses it too).
        condition: Prisma.sql`${status('handled')} AND c."assigneeId" IS DISTINCT FROM ${me}`,
        sort: 'deadline_asc',
        listQuery: { status: 'handled', sort: 'deadline_asc' },
      },
      {
        key: 'extension_requests',
        part: 'led',
        condition: Prisma.sql`${status('dispatched', 'in_progress')} AND c."extensionDeadline" IS NOT NULL`,
        sort: 'deadline_asc',
        listQuery: null,
      },
    );
    if (leaderTownIds.length) {
      sections.push({
        key: 'escalated',
        part: 'led',
        condition: Prisma.sql`c."isEscalated" AND ${status(...OPEN_STATUSES)}`,
        sort: 'deadline_asc',
        listQuery: { escalated: 'true', status: OPEN_STATUSES.join(','), sort: 'deadline_asc' },
      });
    }
    sections.push({
      key: 'overdue_led',
      part: 'led',
      condition: openAndLateSql(now, 'c'),
      sort: 'deadline_asc',
      listQuery: { overdue: 'true', sort: 'deadline_asc' },
    });
  }
  if (actor.roles.some((role) => ASSIGNABLE_ROLES.includes(role))) {
    const endOfToday = chinaDayEnd(chinaDayOf(now));
    sections.push(
      {
        key: 'rework',
        part: 'mine',
        condition: Prisma.sql`${status('dispatched')} AND c."reworkCount" > 0`,
        sort: 'deadline_asc',
        listQuery: null,
      },
      {
        key: 'dispatched_to_me',
        part: 'mine',
        condition: Prisma.sql`${status('dispatched')} AND c."reworkCount" = 0`,
        sort: 'deadline_asc',
        listQuery: { assigneeId: 'me', status: 'dispatched', sort: 'deadline_asc' },
      },
      {
        key: 'in_progress_mine',
        part: 'mine',
        condition: status('in_progress'),
        sort: 'deadline_asc',
        listQuery: { assigneeId: 'me', status: 'in_progress', sort: 'deadline_asc' },
      },
      {
        key: 'due_mine',
        part: 'mine',
        // Running work due by the end of today, including what is already late.
        condition: Prisma.sql`${status(...RUNNING_DEADLINE_STATUSES)} AND c.deadline < ${endOfToday}`,
        sort: 'deadline_asc',
        listQuery: null,
      },
    );
  }
  return sections;
}

/** Where a section's cases live: the led grids and towns, or assigned to the person. */
export function partSql(actor: Actor, part: InboxSection['part']): Prisma.Sql {
  if (part === 'mine') return Prisma.sql`c."assigneeId" = ${actor.id}::uuid`;
  const { leaderGridIds, leaderTownIds } = actor.scope;
  return Prisma.sql`(${isIn(Prisma.sql`c."gridId"`, leaderGridIds, 'uuid')} OR ${isIn(
    Prisma.sql`c."townId"`,
    leaderTownIds,
    'uuid',
  )})`;
}

/**
 * Every section's count in one statement: one scan of the open cases the person leads (index on town
 * or grid and status) and one of the open cases assigned to them (index on assignee and status).
 */
export function inboxCountsSql(actor: Actor, sections: InboxSection[]): Prisma.Sql | null {
  const open = status(...OPEN_STATUSES);
  const part = (name: InboxSection['part']) => {
    const mine = sections.filter((s) => s.part === name);
    if (!mine.length) return [];
    const counts = mine.map(
      (s) => Prisma.sql`${Prisma.raw(`'${s.key}'`)}, count(*) FILTER (WHERE ${s.condition})::int`,
    );
    return [
      Prisma.sql`(SELECT json_build_object(${Prisma.join(counts)}) FROM "Case" c
        WHERE ${partSql(actor, name)} AND ${open})`,
    ];
  };
  const parts = [...part('led'), ...part('mine')];
  if (!parts.length) return null;
  return Prisma.sql`SELECT ${Prisma.join(
    parts.map((p, i) => Prisma.sql`${p} AS ${Prisma.raw(`part${i}`)}`),
  )}`;
}
