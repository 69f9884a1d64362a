// Departure or leave: the person's open cases and grids go to a colleague, or each case to its grid's
// leader, in one transaction with the status change, the case timeline events and the audit entry.
import type { Prisma } from '@gridgov/db';
import type { HandoverInput, HandoverPreview, HandoverResult, Role } from '@gridgov/shared';
import type { AppContext } from '../../lib/context';
import type { Db } from '../../lib/db';
import { AppError } from '../../lib/errors';
import { recordAudit } from '../audit/audit.repository';
import { findOpenCasesAssignedTo, handOverCase } from '../cases/case-handover';
import { isEligibleAssignee } from '../cases/cases.repository';
import {
  type AuditSource,
  assertAllInScope,
  assertCanReadRoster,
  assertCanWriteRoster,
  assertHomeTownAdministered,
} from './admin-access';
import { loadStaffInScope } from './roster-read.service';
import {
  deleteSessionsOf,
  endAssignments,
  insertAssignment,
  replaceRoles,
  updateStaffRow,
} from './staff-admin.repository';

/** The active leader of a grid other than `exceptId` (people on leave, departed or disabled skipped). */
function findOtherGridLeader(db: Db, gridId: string, exceptId: string) {
  return db.gridAssignment.findFirst({
    where: {
      gridId,
      role: 'grid_leader',
      endedAt: null,
      staffId: { not: exceptId },
      staff: { status: 'active', disabledAt: null },
    },
    select: { staff: { select: { id: true, name: true } } },
    orderBy: { startedAt: 'asc' },
  });
}

async function leaderOf(
  db: Db,
  gridId: string,
  exceptId: string,
  cache: Map<string, { id: string; name: string } | null>,
) {
  if (!cache.has(gridId)) cache.set(gridId, (await findOtherGridLeader(db, gridId, exceptId))?.staff ?? null);
  return cache.get(gridId)!;
}

export async function previewHandover(
  ctx: AppContext,
  actor: AuditSource['actor'],
  staffId: string,
): Promise<HandoverPreview> {
  assertCanReadRoster(actor);
  const row = await loadStaffInScope(ctx.prisma, actor, staffId);
  const cache = new Map<string, { id: string; name: string } | null>();
  const cases = await findOpenCasesAssignedTo(ctx.prisma, staffId);
  return {
    staff: { id: row.id, name: row.name, status: row.status },
    cases: await Promise.all(
      cases.map(async (c) => ({
        id: c.id,
        number: c.number,
        status: c.status,
        description: c.description.slice(0, 120),
        grid: c.grid,
        gridLeader: await leaderOf(ctx.prisma, c.grid.id, staffId, cache),
      })),
    ),
    grids: await Promise.all(
      row.assignments.map(async (a) => ({
        assignmentId: a.id,
        role: a.role as Role,
        grid: { id: a.grid.id, code: a.grid.code, name: a.grid.name },
        gridLeader: await leaderOf(ctx.prisma, a.grid.id, staffId, cache),
      })),
    ),
  };
}

async function runHandover(
  tx: Prisma.TransactionClient,
  source: AuditSource,
  staffId: string,
  input: HandoverInput,
): Promise<HandoverResult> {
  const { actor } = source;
  const person = await loadStaffInScope(tx, actor, staffId);
  // Departure or leave changes the account itself: the home town's admins decide it.
  assertHomeTownAdministered(actor, person);
  const openCases = await findOpenCasesAssignedTo(tx, person.id);
  // Every post that ends and every case that moves must lie in a town the admin administers.
  assertAllInScope(actor, [
    ...person.assignments.map((a) => ({ townId: a.grid.townId, label: a.grid.code })),
    ...openCases.map((c) => ({ townId: c.townId, label: c.number })),
  ]);
  if (person.id === actor.id) throw new AppError('unprocessable', 'You cannot hand over your own work');
  if (person.status === 'departed') throw new AppError('unprocessable', 'This person has already departed');
  const at = new Date();
  let colleague: Awaited<ReturnType<typeof loadStaffInScope>> | null = null;
  if (input.mode === 'colleague') {
    colleague = await loadStaffInScope(tx, actor, input.colleagueId!);
    if (colleague.id === person.id || colleague.status !== 'active' || colleague.disabledAt) {
      throw new AppError('unprocessable', 'The colleague must be another active, enabled person', {
        field: 'colleagueId',
      });
    }
  }

  // Grids first: a colleague taking over a grid thereby becomes eligible for its cases.
  const grids: HandoverResult['grids'] = [];
  await endAssignments(
    tx,
    person.assignments.map((a) => a.id),
    at,
  );
  for (const a of person.assignments) {
    const role = a.role as Role;
    const hasAlready = colleague?.assignments.some((c) => c.grid.id === a.grid.id && c.role === role);
    if (colleague && !hasAlready) {
      await insertAssignment(tx, { staffId: colleague.id, gridId: a.grid.id, role: a.role });
    }
    grids.push({ gridId: a.grid.id, role, toStaffId: colleague?.id ?? null });
  }
  if (colleague) {
    const missing = [...new Set(person.assignments.map((a) => a.role))].filter(
      (role) => !colleague.roles.some((r) => r.role === role),
    );
    await replaceRoles(
      tx,
      colleague.id,
      [],
      missing.map((role) => ({ role, regionId: colleague.regionId })),
    );
  }

  const cases: HandoverResult['cases'] = [];
  const leaders = new Map<string, { id: string; name: string } | null>();
  const refused: string[] = [];
  for (const c of openCases) {
    const target = colleague ?? (await leaderOf(tx, c.grid.id, person.id, leaders));
    const isEligible =
      target && (await isEligibleAssignee(tx, target.id, { gridId: c.grid.id, townId: c.townId }));
    if (!target || !isEligible) {
      refused.push(c.number);
      continue;
    }
    await handOverCase(tx, { caseId: c.id, actorId: actor.id, assigneeId: target.id, note: input.note, at });
    cases.push({ id: c.id, number: c.number, assigneeId: target.id });
  }
  if (refused.length) {
    throw new AppError(
      'unprocessable',
      input.mode === 'colleague'
        ? 'The colleague may not take these cases (not a worker or leader of their grids, nor a town leader)'
        : 'These cases have no other active grid leader to take them: choose a colleague',
      { cases: refused },
    );
  }

  await updateStaffRow(tx, person.id, { status: input.status });
  if (input.status === 'departed') await deleteSessionsOf(tx, person.id);
  await recordAudit(tx, {
    actorId: actor.id,
    actorName: actor.name,
    action: 'staff.handover',
    entity: 'staff',
    entityId: person.id,
    townId: person.regionId,
    ip: source.ip,
    before: { status: person.status, grids: person.assignments.map((a) => `${a.role}:${a.grid.code}`) },
    after: {
      status: input.status,
      mode: input.mode,
      colleagueId: colleague?.id ?? null,
      cases: cases.map((c) => ({ number: c.number, assigneeId: c.assigneeId })),
      note: input.note,
    },
    summary: person.name,
  });
  return { cases, grids };
}

export async function handOverStaff(
  ctx: AppContext,
  source: AuditSource,
  staffId: string,
  input: HandoverInput,
): Promise<HandoverResult> {
  assertCanWriteRoster(source.actor);
  return ctx.prisma.$transaction((tx) => runHandover(tx, source, staffId, input), { timeout: 60_000 });
}
