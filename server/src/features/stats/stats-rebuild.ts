// Rebuilds StatsDaily from the cases: after bulk loads (demo seed, benchmarks), after adding the
// table to a database that already has cases, or to repair. Gives exactly what the incremental
// path gives, because both sum the same per-case contribution (tested in stats-rebuild.test.ts).
import type { PrismaClient } from '@gridgov/db';
import { createHandlingClock } from '@gridgov/shared';
import { loadWorkingCalendar } from '../calendar/calendar.repository';
import { accumulateCase, DETAIL_LEVEL, listChangedRows, type StatsRow } from './stats-levels';
import { toStatFacts } from './stats-tracking';
import {
  countStatsRows,
  deleteTownStats,
  findCasesForStatsPage,
  findSuspensionEvents,
  findTownIds,
  hasAnyCase,
  insertStatsRows,
  lockStatsForRebuild,
  rollUpTownStats,
} from './stats-write.repository';

const PAGE = 5_000;
const INSERT_BATCH = 2_000;

export interface RebuildResult {
  towns: number;
  cases: number;
  /** Detail-level rows written (the coarser levels are rolled up from them in SQL). */
  rows: number;
}

/** Recomputes the given towns' statistics (every town by default), one transaction per town. */
export async function rebuildStats(
  prisma: PrismaClient,
  options: { townIds?: string[] } = {},
): Promise<RebuildResult> {
  const clock = createHandlingClock(await loadWorkingCalendar(prisma));
  const townIds = options.townIds ?? (await findTownIds(prisma)).map((t) => t.id);
  const result: RebuildResult = { towns: 0, cases: 0, rows: 0 };
  for (const townId of townIds) {
    await prisma.$transaction(
      async (tx) => {
        await lockStatsForRebuild(tx);
        await deleteTownStats(tx, townId);
        const rows = new Map<string, StatsRow>();
        let afterId: string | null = null;
        for (;;) {
          const page = await findCasesForStatsPage(tx, { townId, afterId, take: PAGE });
          if (!page.length) break;
          const closedIds = page.filter((c) => c.status === 'closed').map((c) => c.id);
          const suspensions = closedIds.length ? await findSuspensionEvents(tx, closedIds) : [];
          const byCase = new Map<string, typeof suspensions>();
          for (const e of suspensions) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
          for (const row of page)
            accumulateCase(rows, row, toStatFacts(row, clock, byCase.get(row.id) ?? []), 1, [DETAIL_LEVEL]);
          result.cases += page.length;
          afterId = page[page.length - 1]!.id;
        }
        const changed = listChangedRows(rows);
        for (let i = 0; i < changed.length; i += INSERT_BATCH)
          await insertStatsRows(tx, changed.slice(i, i + INSERT_BATCH));
        await rollUpTownStats(tx, townId);
        result.rows += changed.length;
      },
      { timeout: 30 * 60_000, maxWait: 60_000 },
    );
    result.towns++;
  }
  return result;
}

/** Builds the statistics once when cases exist but StatsDaily is empty (first start after upgrading). */
export async function ensureStatsBuilt(prisma: PrismaClient): Promise<RebuildResult | null> {
  if ((await countStatsRows(prisma)) > 0) return null;
  if (!(await hasAnyCase(prisma))) return null;
  return rebuildStats(prisma);
}
