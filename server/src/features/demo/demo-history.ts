// Two years of deterministic case history for the demo town, ending on the day it is seeded (issue 22),
// written through the same pieces as live cases: the shared state machine decides every event, photos
// go through the upload service. Decision 021.
import { createRandom, type Prisma } from '@gridgov/db';
import type { ExtraField, PolygonCoords } from '@gridgov/shared';
import type { AppContext } from '../../lib/context';
import { uuid7 } from '../../lib/uuid7';
import { loadWorkingCalendar } from '../calendar/calendar.repository';
import { projectionToColumns, toEventRow } from '../cases/cases.repository';
import { toSlaDuration } from '../categories/categories.service';
import { rebuildStats } from '../stats/stats-rebuild';
import { type HistoryProgress, readHistoryProgress, writeHistoryProgress } from './demo-history-progress';
import { playDemoCase } from './demo-lifecycle';
import { createDemoPhotoPool, type DemoPhotoPool } from './demo-photos';
import { pickPointIn } from './demo-place';
import { DEMO_TEXTS, describeDemoCase } from './demo-texts';
import { planReportTimes, seedOfHistoryEnd } from './demo-timeline';

const DEMO_TOWN_CODE = '440881110';
/** Where a history seeded before issue 22 (no end in its progress row) ended. */
const LEGACY_HISTORY_END = '2026-11-28T12:00:00+08:00';
const DAY = 86_400_000;
/** Cases per transaction: small enough that a request waiting behind one on PGlite waits briefly. */
const BATCH = 50;
const LEGACY_BATCH = 100;

async function loadCast(ctx: AppContext) {
  const town = await ctx.prisma.region.findUnique({ where: { code: DEMO_TOWN_CODE }, select: { id: true } });
  if (!town) return null;
  const [grids, townLeader, categories] = await Promise.all([
    ctx.prisma.grid.findMany({
      where: { townId: town.id },
      select: {
        id: true,
        villageId: true,
        village: { select: { name: true } },
        boundary: true,
        assignments: { where: { endedAt: null }, select: { role: true, staffId: true } },
      },
      orderBy: { code: 'asc' },
    }),
    ctx.prisma.staffRole.findFirst({
      where: { role: 'town_leader', regionId: town.id },
      select: { staffId: true },
      orderBy: { createdAt: 'asc' },
    }),
    // The reference taxonomy's sub-categories (demo-texts.test checks the table covers every one);
    // a category an admin added has no demo texts and no place in the demo's story.
    ctx.prisma.category.findMany({
      where: { parentId: { not: null }, isActive: true, code: { in: Object.keys(DEMO_TEXTS) } },
      select: { id: true, code: true, slaUnit: true, slaAmount: true, defaultPriority: true, fields: true },
      orderBy: { code: 'asc' },
    }),
  ]);
  if (!townLeader) return null;
  return { townId: town.id, grids, townLeaderId: townLeader.staffId, categories };
}
type Cast = NonNullable<Awaited<ReturnType<typeof loadCast>>>;

/** Values for a category's required extra fields, as a reporter fills them in. */
function fillRequiredFields(fields: ExtraField[], random: () => number, day: string): Prisma.InputJsonObject {
  const extra: Record<string, string | number | string[]> = {};
  for (const field of fields.filter((f) => f.required)) {
    const option = field.options?.[Math.floor(random() * field.options.length)]?.value ?? '';
    if (field.type === 'number') extra[field.key] = 2 + Math.floor(random() * 3);
    else if (field.type === 'single') extra[field.key] = option;
    else if (field.type === 'multi') extra[field.key] = [option];
    else if (field.type === 'date') extra[field.key] = day;
    else extra[field.key] = '见描述';
  }
  return extra;
}

export interface SeedDemoHistoryOptions {
  cases: number;
  /** When the history ends: the seeding moment by default (`resolveHistoryEnd` reads DEMO_ANCHOR). */
  end?: Date;
  /** Called after each batch is committed (progress logs; tests interrupt the seed here). */
  onBatch?: (progress: { casesDone: number; total: number }) => void | Promise<void>;
}

/**
 * Claims the history before the server listens: the progress row (incomplete, with its end) and the
 * yearly case counters past the history's numbers, so a case reported while the history is still being
 * written gets a number after it. Returns false when there is nothing to write.
 */
export async function beginDemoHistory(
  ctx: AppContext,
  options: Pick<SeedDemoHistoryOptions, 'cases' | 'end'>,
): Promise<boolean> {
  const cast = await loadCast(ctx);
  if (!cast || options.cases <= 0) return false;
  const progress = await readHistoryProgress(ctx.prisma);
  if (progress) return !progress.isComplete;
  if (await ctx.prisma.case.count({ where: { townId: cast.townId } })) return false;
  const end = options.end ?? new Date();
  const random = createRandom(seedOfHistoryEnd(end));
  const times = planReportTimes({
    total: options.cases,
    end,
    calendar: await loadWorkingCalendar(ctx.prisma),
    random,
  });
  const perYear = new Map<number, number>();
  for (const time of times) {
    const year = new Date(time + 8 * 3_600_000).getUTCFullYear();
    perYear.set(year, (perYear.get(year) ?? 0) + 1);
  }
  await ctx.prisma.$transaction(async (tx) => {
    await writeHistoryProgress(tx, {
      total: options.cases,
      batchesDone: 0,
      isComplete: false,
      endAt: end.toISOString(),
      batchSize: BATCH,
    });
    await tx.caseCounter.createMany({
      data: [...perYear].map(([year, last]) => ({ townId: cast.townId, year, last })),
      skipDuplicates: true,
    });
  });
  return true;
}

/** Begins and writes the whole history (tests, `npm run db:seed`). */
export async function seedDemoHistory(ctx: AppContext, options: SeedDemoHistoryOptions): Promise<string> {
  await beginDemoHistory(ctx, options);
  return writeDemoHistory(ctx, options);
}

/**
 * Writes the claimed history, resumably: each batch of 50 cases commits together with the progress
 * row (Setting `demo.history`), and a start after an interruption replays the same deterministic
 * history (same end, same draws), skipping the committed batches, then finishes it. Does nothing
 * when the history is complete or was never claimed.
 */
export async function writeDemoHistory(
  ctx: AppContext,
  options: Pick<SeedDemoHistoryOptions, 'onBatch'> = {},
): Promise<string> {
  const cast = await loadCast(ctx);
  if (!cast) return 'demo history skipped: no demo town';
  const progress = await readHistoryProgress(ctx.prisma);
  if (!progress || progress.isComplete) return 'demo history already present';
  const { cases, end } = await planDemoCases(ctx, cast, progress);
  const photos = await createDemoPhotoPool(ctx.config.UPLOAD_DIR);
  const batch = progress.batchSize ?? LEGACY_BATCH;
  for (let offset = 0, batchIndex = 0; offset < cases.length; offset += batch, batchIndex++) {
    // Committed batches were generated again (same random draws, same case numbers) and are not written.
    if (batchIndex < progress.batchesDone) continue;
    const rows = await buildBatch(cast, photos, cases.slice(offset, offset + batch));
    await ctx.prisma.$transaction(
      async (tx) => {
        await tx.case.createMany({ data: rows.cases });
        await tx.caseEvent.createMany({ data: rows.events });
        await tx.upload.createMany({ data: rows.uploads });
        await writeHistoryProgress(tx, { ...progress, batchesDone: batchIndex + 1 });
      },
      { timeout: 60_000 },
    );
    await options.onBatch?.({ casesDone: Math.min(offset + batch, cases.length), total: cases.length });
  }
  // The cases went in by bulk insert, past the incremental path: count them once (decision 007).
  await rebuildStats(ctx.prisma, { townIds: [cast.townId] });
  await writeHistoryProgress(ctx.prisma, {
    ...progress,
    batchesDone: Math.ceil(cases.length / batch),
    isComplete: true,
  });
  const resumed = progress.batchesDone
    ? ` (resumed after ${Math.min(progress.batchesDone * batch, cases.length)})`
    : '';
  return `demo history: ${cases.length} cases over two years up to ${end.toISOString()}${resumed}`;
}

/** Every case of the history, drawn in one deterministic pass (numbers, places, texts, lives). */
async function planDemoCases(ctx: AppContext, cast: Cast, progress: HistoryProgress) {
  const end = new Date(progress.endAt ?? LEGACY_HISTORY_END);
  const random = createRandom(seedOfHistoryEnd(end));
  const calendar = await loadWorkingCalendar(ctx.prisma);
  const times = planReportTimes({ total: progress.total, end, calendar, random });
  const numbers = new Map<number, number>();
  const cases = [];
  for (const [index, time] of times.entries()) {
    // The server already answers: a long synchronous stretch here would stall every request.
    if (index % 100 === 99) await new Promise((resolve) => setImmediate(resolve));
    const grid = cast.grids[Math.floor(random() * cast.grids.length)]!;
    const role = (r: string) => grid.assignments.find((a) => a.role === r)?.staffId ?? null;
    const patrollers = grid.assignments.filter((a) => a.role === 'patroller').map((a) => a.staffId);
    const worker = role('grid_worker');
    const leaderId = role('grid_leader')!;
    const reporterId =
      random() < 0.8 || !patrollers.length
        ? (worker ?? leaderId)
        : patrollers[Math.floor(random() * patrollers.length)]!;
    const category = cast.categories[Math.floor(random() * cast.categories.length)]!;
    const reportedAt = new Date(time);
    const life = playDemoCase({
      random,
      calendar,
      reportedAt,
      end,
      sla: toSlaDuration(category),
      // A few recent cases stall before feedback: the overdue backlog a town really has (1.5 % of the
      // last five weeks' reports: a handful of open cases, not most of them).
      isStalled: time > end.getTime() - 35 * DAY && random() < 0.015,
      cast: { reporterId, workerId: worker, leaderId, townLeaderId: cast.townLeaderId },
    });
    const [lon, lat] = pickPointIn((grid.boundary as { coordinates: PolygonCoords }).coordinates, random);
    const year = new Date(time + 8 * 3_600_000).getUTCFullYear();
    numbers.set(year, (numbers.get(year) ?? 0) + 1);
    const day = new Date(time + 8 * 3_600_000).toISOString().slice(0, 10);
    cases.push({
      grid,
      category,
      reporterId,
      life,
      lon,
      lat,
      time,
      number: `${year}-${String(numbers.get(year)).padStart(6, '0')}`,
      description: describeDemoCase(category.code, grid.village.name, random),
      extra: fillRequiredFields(category.fields as ExtraField[], random, day),
      photoPicks: life.feedbackIndexes.map(() => Math.floor(random() * 12)),
    });
  }
  return { cases, end };
}
type PlannedCase = Awaited<ReturnType<typeof planDemoCases>>['cases'][number];

/** One batch's rows; photo files first, outside the transaction: file I/O never holds the database. */
async function buildBatch(cast: Cast, photos: DemoPhotoPool, batch: PlannedCase[]) {
  const cases: Prisma.CaseCreateManyInput[] = [];
  const events: Prisma.CaseEventCreateManyInput[] = [];
  const uploads: Prisma.UploadCreateManyInput[] = [];
  for (const item of batch) {
    const caseId = uuid7(item.time);
    const lifeEvents = item.life.events.map((e) => ({ ...e }));
    for (const [i, index] of item.life.feedbackIndexes.entries()) {
      const event = lifeEvents[index]!;
      const upload = await photos.take(item.photoPicks[i]!, new Date(event.at));
      uploads.push({ ...upload, ownerId: event.actorId, caseId });
      event.photoIds = [upload.id];
    }
    cases.push({
      id: caseId,
      townId: cast.townId,
      number: item.number,
      categoryId: item.category.id,
      gridId: item.grid.id,
      villageId: item.grid.villageId,
      priority: item.category.defaultPriority,
      description: item.description,
      lon: item.lon,
      lat: item.lat,
      extra: item.extra,
      reporterId: item.reporterId,
      reportedAt: new Date(item.time),
      ...projectionToColumns(item.life.projection),
      version: item.life.actions,
      updatedAt: new Date(lifeEvents[lifeEvents.length - 1]!.at),
    });
    events.push(...lifeEvents.map((e, i) => toEventRow(e, { caseId, townId: cast.townId, seq: i + 1 })));
  }
  return { cases, events, uploads };
}
