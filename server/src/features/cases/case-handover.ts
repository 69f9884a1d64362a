// Handing a person's open cases to someone else when they leave (issue 6). The reassignment is a
// `reassign` event folded onto the row like every other action, so the row stays the fold of its
// events. It bypasses the action rules on purpose: the admin doing a handover is not a party to
// the case, and handled or suspended cases keep their status (only the assignee changes).
import type { Prisma } from '@gridgov/db';
import { applyCaseEvent, type CaseEventRecord, type CaseStatus } from '@gridgov/shared';
import type { Db } from '../../lib/db';
import { AppError, notFound } from '../../lib/errors';
import { trackCaseStats } from '../stats/stats-tracking';
import { appendEvents, findCaseState, findLastSeq, toProjection, updateProjection } from './cases.repository';

/** Statuses in which a case has an assignee who is expected to act. */
const HANDOVER_STATUSES: CaseStatus[] = ['dispatched', 'in_progress', 'handled', 'suspended'];

export function findOpenCasesAssignedTo(db: Db, staffId: string) {
  return db.case.findMany({
    where: { assigneeId: staffId, status: { in: HANDOVER_STATUSES } },
    select: {
      id: true,
      number: true,
      status: true,
      description: true,
      townId: true,
      grid: { select: { id: true, code: true, name: true } },
    },
    orderBy: { reportedAt: 'asc' },
  });
}

export async function handOverCase(
  tx: Prisma.TransactionClient,
  input: { caseId: string; actorId: string; assigneeId: string; note: string; at: Date },
): Promise<void> {
  const row = await findCaseState(tx, input.caseId);
  if (!row) throw notFound('Case');
  const projection = toProjection(row);
  const isWorking = row.status === 'dispatched' || row.status === 'in_progress';
  const event: CaseEventRecord = {
    kind: 'reassign',
    actorId: input.actorId,
    at: input.at.toISOString(),
    fromStatus: row.status,
    // Work in progress starts over with the new person, as a leader's reassignment does.
    toStatus: isWorking ? 'dispatched' : row.status,
    note: input.note,
    assigneeId: input.assigneeId,
    photoIds: [],
    data: {},
  };
  const next = applyCaseEvent(projection, event);
  // The statistics per assignee follow the case (docs/decisions/007).
  await trackCaseStats(tx, row.id, async () => {
    if (!(await updateProjection(tx, { id: row.id, version: row.version }, next))) {
      throw new AppError('conflict', 'A case changed during the handover; try again');
    }
    await appendEvents(
      tx,
      { caseId: row.id, townId: row.townId, firstSeq: (await findLastSeq(tx, row.id)) + 1 },
      [event],
    );
  });
}
