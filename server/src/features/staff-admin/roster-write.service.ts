// Roster changes by admins. Each runs in one transaction together with its audit entry.
import type { Prisma } from '@gridgov/db';
import { hashPassword } from '@gridgov/db';
import {
  type AssignGridInput,
  type CreateStaffInput,
  findGridAssignmentProblem,
  GRID_ROLES,
  type Role,
  type StaffDetail,
  type UpdateStaffInput,
} from '@gridgov/shared';
import type { AppContext } from '../../lib/context';
import { AppError, notFound } from '../../lib/errors';
import { diffFields, recordAudit } from '../audit/audit.repository';
import {
  type AuditSource,
  assertAllInScope,
  assertCanWriteRoster,
  assertHomeTownAdministered,
  assertTownInScope,
} from './admin-access';
import { generateInitialPassword } from './initial-password';
import { toAuditedStaff } from './roster-mappers';
import { getStaffDetail, loadStaffInScope, readChangedStaff } from './roster-read.service';
import {
  countStaffByUsername,
  countStaffWithPhone,
  deleteSessionsOf,
  endAssignments,
  findActiveAssignment,
  findGridForAssignment,
  findPostHolders,
  findTown,
  insertAssignment,
  insertStaff,
  type RosterRow,
  replaceRoles,
  updateStaffRow,
} from './staff-admin.repository';

type Tx = Prisma.TransactionClient;
const isGridRole = (role: Role) => (GRID_ROLES as readonly string[]).includes(role);

function audit(
  tx: Tx,
  source: AuditSource,
  row: { id: string; regionId: string; name: string },
  entry: {
    action: string;
    before?: Prisma.InputJsonValue | null;
    after?: Prisma.InputJsonValue | null;
    /** What else the entry is about besides the person (a grid code); the action says what happened. */
    detail?: string;
  },
) {
  return recordAudit(tx, {
    actorId: source.actor.id,
    actorName: source.actor.name,
    entity: 'staff',
    entityId: row.id,
    townId: row.regionId,
    ip: source.ip,
    action: entry.action,
    before: entry.before,
    after: entry.after,
    summary: entry.detail ? `${row.name} · ${entry.detail}` : row.name,
  });
}

async function assertPhoneFree(tx: Tx, phone: string, exceptId?: string): Promise<void> {
  if (await countStaffWithPhone(tx, phone, exceptId)) {
    throw new AppError('conflict', 'Another active person already has this phone number', { field: 'phone' });
  }
}

/** Runs a change on one person in scope: load, check, change, audit — all in one transaction. */
async function changeStaff(
  ctx: AppContext,
  source: AuditSource,
  staffId: string,
  change: (tx: Tx, row: RosterRow) => Promise<void>,
): Promise<StaffDetail> {
  assertCanWriteRoster(source.actor);
  return ctx.prisma.$transaction(async (tx) => {
    await change(tx, await loadStaffInScope(tx, source.actor, staffId));
    return readChangedStaff(tx, source.actor, staffId);
  });
}

export async function createStaffMember(
  ctx: AppContext,
  source: AuditSource,
  input: CreateStaffInput,
): Promise<StaffDetail & { initialPassword: string }> {
  assertCanWriteRoster(source.actor);
  assertTownInScope(source.actor, input.townId);
  const initialPassword = generateInitialPassword();
  const passwordHash = await hashPassword(initialPassword);
  const id = await ctx.prisma.$transaction(async (tx) => {
    if (!(await findTown(tx, input.townId))) throw new AppError('unprocessable', 'townId is not a town');
    if (await countStaffByUsername(tx, input.username)) {
      throw new AppError('conflict', 'This username is taken', { field: 'username' });
    }
    await assertPhoneFree(tx, input.phone);
    const roles = [...new Set(input.roles)].map((role) => ({ role, regionId: input.townId }));
    const { id } = await insertStaff(
      tx,
      {
        name: input.name,
        phone: input.phone,
        username: input.username,
        passwordHash,
        // The admin read it out: the person chooses their own at first sign-in.
        mustChangePassword: true,
        isPartyMember: input.isPartyMember,
        regionId: input.townId,
      },
      roles,
    );
    const after = { ...input, roles: roles.map((r) => r.role).sort() };
    await audit(
      tx,
      source,
      { id, regionId: input.townId, name: input.name },
      {
        action: 'staff.create',
        after,
      },
    );
    return id;
  });
  return { ...(await getStaffDetail(ctx, source.actor, id)), initialPassword };
}

export function updateStaffMember(
  ctx: AppContext,
  source: AuditSource,
  staffId: string,
  input: UpdateStaffInput,
) {
  return changeStaff(ctx, source, staffId, async (tx, row) => {
    assertHomeTownAdministered(source.actor, row);
    if (input.phone && input.phone !== row.phone) await assertPhoneFree(tx, input.phone, row.id);
    const { before, after } = diffFields(toAuditedStaff(row), input);
    if (Object.keys(after).length === 0) return;
    await updateStaffRow(tx, row.id, input);
    await audit(tx, source, row, {
      action: 'staff.update',
      before: before as never,
      after: after as never,
    });
  });
}

export function setStaffDisabled(ctx: AppContext, source: AuditSource, staffId: string, isDisabled: boolean) {
  return changeStaff(ctx, source, staffId, async (tx, row) => {
    assertHomeTownAdministered(source.actor, row);
    if (isDisabled && row.id === source.actor.id) {
      throw new AppError('unprocessable', 'You cannot disable your own account');
    }
    if ((row.disabledAt !== null) === isDisabled) return;
    await updateStaffRow(tx, row.id, { disabledAt: isDisabled ? new Date() : null });
    // Sessions end now, not only at the next request.
    if (isDisabled) await deleteSessionsOf(tx, row.id);
    await audit(tx, source, row, {
      action: isDisabled ? 'staff.disable' : 'staff.enable',
      before: { isDisabled: !isDisabled },
      after: { isDisabled },
    });
  });
}

export async function resetStaffPassword(
  ctx: AppContext,
  source: AuditSource,
  staffId: string,
): Promise<{ initialPassword: string }> {
  const initialPassword = generateInitialPassword();
  const passwordHash = await hashPassword(initialPassword);
  await changeStaff(ctx, source, staffId, async (tx, row) => {
    assertHomeTownAdministered(source.actor, row);
    await updateStaffRow(tx, row.id, { passwordHash, mustChangePassword: true });
    await deleteSessionsOf(tx, row.id);
    await audit(tx, source, row, { action: 'staff.reset_password' });
  });
  return { initialPassword };
}

export function setStaffRoles(ctx: AppContext, source: AuditSource, staffId: string, roles: Role[]) {
  return changeStaff(ctx, source, staffId, async (tx, row) => {
    assertHomeTownAdministered(source.actor, row);
    const wanted = new Set(roles);
    if (row.id === source.actor.id && !wanted.has('admin')) {
      throw new AppError('unprocessable', 'You cannot remove your own admin role');
    }
    const held = row.roles.filter((r) => r.regionId === row.regionId);
    const remove = held.filter((r) => !wanted.has(r.role as Role));
    const add = [...wanted]
      .filter((role) => !held.some((r) => r.role === role))
      .map((role) => ({ role, regionId: row.regionId }));
    if (!remove.length && !add.length) return;
    await replaceRoles(tx, row.id, remove, add);
    // Without the role, its grids go too (their history stays).
    const ended = row.assignments.filter((a) => isGridRole(a.role as Role) && !wanted.has(a.role as Role));
    assertAllInScope(
      source.actor,
      ended.map((a) => ({ townId: a.grid.townId, label: a.grid.code })),
    );
    if (ended.length)
      await endAssignments(
        tx,
        ended.map((a) => a.id),
        new Date(),
      );
    await audit(tx, source, row, {
      action: 'staff.roles',
      before: { roles: [...new Set(row.roles.map((r) => r.role))].sort(), endedGrids: [] },
      after: { roles: [...wanted].sort(), endedGrids: ended.map((a) => a.grid.code) },
    });
  });
}

export function assignStaffGrid(
  ctx: AppContext,
  source: AuditSource,
  staffId: string,
  input: AssignGridInput,
) {
  return changeStaff(ctx, source, staffId, async (tx, row) => {
    const grid = await findGridForAssignment(tx, input.gridId);
    if (!grid) throw notFound('Grid');
    const holders = await findPostHolders(tx, grid.id);
    // The shared rule set: the form offers exactly what passes here (issue 13).
    const problem = findGridAssignmentProblem({
      role: input.role,
      grid: {
        id: grid.id,
        isAdministered: source.actor.scope.adminTownIds.includes(grid.townId),
        workerId: holders.worker?.staffId ?? null,
        leaderId: holders.leader?.staffId ?? null,
      },
      person: {
        id: row.id,
        isActive: row.status !== 'departed' && !row.disabledAt,
        activeAssignments: row.assignments.map((a) => ({ gridId: a.grid.id, role: a.role })),
      },
    });
    if (problem === 'town_not_administered') assertTownInScope(source.actor, grid.townId);
    if (problem === 'person_inactive') {
      throw new AppError('unprocessable', 'Departed or disabled people cannot be given grids', { problem });
    }
    if (problem === 'already_assigned') {
      throw new AppError('conflict', 'This person already has this grid in this role', { problem });
    }
    if (problem === 'grid_has_worker' || problem === 'grid_has_leader') {
      const holder = problem === 'grid_has_worker' ? holders.worker! : holders.leader!;
      const post = problem === 'grid_has_worker' ? 'a worker' : 'a leader';
      throw new AppError('conflict', `Grid ${grid.code} already has ${post} (${holder.staff.name})`, {
        problem,
        staffId: holder.staffId,
      });
    }
    const { id } = await insertAssignment(tx, { staffId: row.id, gridId: grid.id, role: input.role });
    if (!row.roles.some((r) => r.role === input.role)) {
      await replaceRoles(tx, row.id, [], [{ role: input.role, regionId: row.regionId }]);
    }
    await audit(tx, source, row, {
      action: 'staff.assign_grid',
      after: { assignmentId: id, gridCode: grid.code, role: input.role },
      detail: grid.code,
    });
  });
}

export function endStaffAssignment(
  ctx: AppContext,
  source: AuditSource,
  staffId: string,
  assignmentId: string,
) {
  return changeStaff(ctx, source, staffId, async (tx, row) => {
    const assignment = await findActiveAssignment(tx, assignmentId);
    if (!assignment || assignment.staffId !== row.id) throw notFound('Active assignment');
    assertTownInScope(source.actor, assignment.grid.townId);
    await endAssignments(tx, [assignment.id], new Date());
    await audit(tx, source, row, {
      action: 'staff.unassign_grid',
      before: { assignmentId, gridCode: assignment.grid.code, role: assignment.role },
      detail: assignment.grid.code,
    });
  });
}
