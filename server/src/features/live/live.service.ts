// Announcing committed case changes to live listeners (the command map), and deciding who hears them.
import type { LiveCaseEvent } from '@gridgov/shared';
import type { Actor } from '../../lib/auth/scope';
import type { AppContext } from '../../lib/context';
import type { CaseChange } from '../../lib/events';
import { loadWorkingCalendar } from '../calendar/calendar.repository';
import { canViewCase } from '../cases/case-access';
import { describeDeadline } from '../cases/case-mappers';
import { findLiveCaseRows, type LiveCaseRow } from './live.repository';

function toCaseChange(row: LiveCaseRow, kind: LiveCaseEvent['kind'], ctx: DeadlineContext): CaseChange {
  return {
    event: {
      kind,
      caseId: row.id,
      townId: row.townId,
      gridId: row.gridId,
      status: row.status,
      location: row.lon !== null && row.lat !== null ? { lon: row.lon, lat: row.lat } : null,
      deadline: row.deadline?.toISOString() ?? null,
      deadlineStatus: describeDeadline(row, ctx.calendar, ctx.now),
      isEscalated: row.isEscalated,
      version: row.version,
      at: row.updatedAt.toISOString(),
    },
    reporterId: row.reporterId,
    assigneeId: row.assigneeId,
  };
}

type DeadlineContext = { calendar: Awaited<ReturnType<typeof loadWorkingCalendar>>; now: Date };

/**
 * Call once the case transaction has committed (a listener that refetches must find the change). Never
 * rejects: the write already succeeded, and listeners resync when they reconnect.
 */
export async function publishCaseChanges(
  ctx: AppContext,
  kind: LiveCaseEvent['kind'],
  caseIds: readonly string[],
): Promise<void> {
  if (caseIds.length === 0) return;
  try {
    const [rows, calendar] = await Promise.all([
      findLiveCaseRows(ctx.sql, caseIds),
      loadWorkingCalendar(ctx.prisma),
    ]);
    const deadlineContext = { calendar, now: new Date() };
    await ctx.events.publish(rows.map((row) => toCaseChange(row, kind, deadlineContext)));
  } catch (error) {
    ctx.logger.error({ err: error, caseIds }, 'publishing live case changes failed');
  }
}

/** The same rule as reading the case: its territory, or its reporter or assignee. */
export function canHearChange(actor: Actor, change: CaseChange): boolean {
  return canViewCase(actor, {
    gridId: change.event.gridId,
    townId: change.event.townId,
    reporterId: change.reporterId,
    assigneeId: change.assigneeId,
  });
}
