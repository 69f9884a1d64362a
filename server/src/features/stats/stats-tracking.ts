// Keeps StatsDaily in step with the cases, inside the case change's own transaction: the
// difference between the case's contribution after and before the change is added.
import type { Prisma } from '@gridgov/db';
import { type CaseStatFacts, createHandlingClock } from '@gridgov/shared';
import { loadWorkingCalendar } from '../calendar/calendar.repository';
import { accumulateCase, type CaseKeys, listChangedRows, type StatsRow } from './stats-levels';
import {
  addStatsRows,
  type CaseStatsRow,
  findCaseForStats,
  findSuspensionEvents,
} from './stats-write.repository';

/** A case row (and, when closed, its suspensions) as the statistics see it. */
export function toStatFacts(
  row: CaseStatsRow,
  clock: ReturnType<typeof createHandlingClock> | null,
  suspensions: readonly { kind: string; createdAt: Date }[],
): CaseStatFacts {
  const isClosed = row.status === 'closed';
  return {
    status: row.status,
    reportedAt: row.reportedAt,
    acceptedAt: row.acceptedAt,
    handledAt: row.handledAt,
    closedAt: row.closedAt,
    deadline: row.deadline,
    reworkCount: row.reworkCount,
    escalatedAt: row.escalatedAt,
    handlingMs:
      isClosed && clock
        ? clock({
            acceptedAt: row.acceptedAt,
            handledAt: row.handledAt,
            events: suspensions.map((e) => ({ kind: e.kind, at: e.createdAt })),
          })
        : null,
  };
}

async function loadCaseFacts(
  tx: Prisma.TransactionClient,
  caseId: string,
): Promise<{ keys: CaseKeys; facts: CaseStatFacts } | null> {
  const row = await findCaseForStats(tx, caseId);
  if (!row) return null;
  // Handling time is only counted for closed cases; only they need the calendar and the timeline.
  const isClosed = row.status === 'closed';
  const clock = isClosed ? createHandlingClock(await loadWorkingCalendar(tx)) : null;
  const suspensions = isClosed ? await findSuspensionEvents(tx, [caseId]) : [];
  return { keys: row, facts: toStatFacts(row, clock, suspensions) };
}

/** Runs `change` (which writes the case) and adds its effect on the statistics, in `tx`. */
export async function trackCaseStats<T>(
  tx: Prisma.TransactionClient,
  caseId: string,
  change: () => Promise<T>,
): Promise<T> {
  const before = await loadCaseFacts(tx, caseId);
  const result = await change();
  const after = await loadCaseFacts(tx, caseId);
  const rows = new Map<string, StatsRow>();
  if (before) accumulateCase(rows, before.keys, before.facts, -1);
  if (after) accumulateCase(rows, after.keys, after.facts, 1);
  await addStatsRows(tx, listChangedRows(rows));
  return result;
}

/** Counts a case just inserted in `tx`, from its inserted row (new cases are never closed). */
export async function recordNewCaseStats(tx: Prisma.TransactionClient, created: CaseStatsRow): Promise<void> {
  const rows = new Map<string, StatsRow>();
  accumulateCase(rows, created, toStatFacts(created, null, []), 1);
  await addStatsRows(tx, listChangedRows(rows));
}
