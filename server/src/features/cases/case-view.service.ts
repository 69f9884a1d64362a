// Reading cases: one case with its timeline and allowed actions, and building view contexts.
import { type CaseDetail, listAllowedActions } from '@gridgov/shared';
import type { Actor } from '../../lib/auth/scope';
import type { AppContext } from '../../lib/context';
import { forbidden, notFound } from '../../lib/errors';
import { loadWorkingCalendar } from '../calendar/calendar.repository';
import { findVisibleStaffIds } from '../staff/staff.repository';
import { canSeeResidentPhone, canViewCase, phoneVisibleStaffIds, toCaseActor } from './case-access';
import { caseDetailSql } from './case-detail.query';
import { type MapContext, toCaseDetail } from './case-mappers';
import { findCaseDetailView } from './cases.repository';

export async function buildMapContext(
  ctx: AppContext,
  actor: Actor,
  staffIds: string[],
): Promise<MapContext> {
  const [calendar, visible] = await Promise.all([
    loadWorkingCalendar(ctx.prisma),
    findVisibleStaffIds(ctx.sql, actor, [...new Set(staffIds)]),
  ]);
  // The viewer's own phone is never masked to them.
  return { calendar, now: new Date(), visibleStaffIds: new Set([...visible, actor.id]) };
}

/**
 * One case as its page shows it. Reads on the fast path, outside any transaction: call it after
 * `$transaction` commits, never inside (it would not see the uncommitted writes, and on PGlite it
 * would wait for the transaction that is waiting for it).
 */
export async function getCaseDetail(ctx: AppContext, actor: Actor, caseId: string): Promise<CaseDetail> {
  const [view, calendar] = await Promise.all([
    findCaseDetailView(ctx.sql, caseDetailSql(actor, caseId)),
    loadWorkingCalendar(ctx.prisma),
  ]);
  if (!view) throw notFound('Case');
  const { row, duplicateOf } = view;
  const key = {
    gridId: row.gridId,
    townId: row.townId,
    reporterId: row.reporterId,
    assigneeId: row.assigneeId,
  };
  if (!canViewCase(actor, key)) throw forbidden('This case is outside your scope');
  const snapshot = {
    status: row.status,
    resumeStatus: row.resumeStatus,
    assigneeId: row.assigneeId,
    reporterId: row.reporterId,
    hasPendingExtension: row.extensionDeadline !== null,
    deadline: row.deadline?.toISOString() ?? null,
  };
  // Phones in full: staff in the viewer's scope, the viewer, and for those who act on the case
  // (reporter, assignee, leaders) each other's.
  const context: MapContext = {
    calendar,
    now: new Date(),
    visibleStaffIds: phoneVisibleStaffIds(actor, key, view.visibleStaffIds),
  };
  return toCaseDetail(row, context, {
    allowedActions: listAllowedActions(snapshot, toCaseActor(actor, row)),
    canSeeResidentPhone: canSeeResidentPhone(actor, key),
    staffById: view.staffById,
    // The original is named only to those who may open it.
    duplicateOf:
      duplicateOf && canViewCase(actor, duplicateOf)
        ? { id: duplicateOf.id, number: duplicateOf.number }
        : null,
  });
}
