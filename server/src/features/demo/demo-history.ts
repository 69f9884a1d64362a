// Two years of deterministic case history for the demo town, written through the same pieces as
// live cases: the shared state machine decides every event, photos go through the upload service.
import { createRandom, type Prisma } from '@gridgov/db';
import { type PolygonCoords, pointInPolygon } from '@gridgov/shared';
import type { AppContext } from '../../lib/context';
import { uuid7 } from '../../lib/uuid7';
import { loadWorkingCalendar } from '../calendar/calendar.repository';
import { projectionToColumns, toEventRow } from '../cases/cases.repository';
import { toSlaDuration } from '../categories/categories.service';
import { rebuildStats } from '../stats/stats-rebuild';
import { readHistoryProgress, writeHistoryProgress } from './demo-history-progress';
import { playDemoCase } from './demo-lifecycle';
import { createDemoPhotoPool } from './demo-photos';

const DEMO_TOWN_CODE = '440881110';
/** The history ends here, whatever the date of the first start: the seed is the same every time. */
export const DEMO_HISTORY_END = new Date('2026-11-28T12:00:00+08:00');
const DAY = 86_400_000;
const BATCH = 100;
const DESCRIPTIONS: Record<string, string[]> = {
  dispute: ['两户村民因宅基地边界发生争执', '邻居因排水问题发生口角', '家庭成员因赡养老人产生矛盾'],
  security: ['村口有陌生车辆长时间停放', '夜间有人聚集打牌疑似赌博'],
  work_safety: ['砖厂作业人员未佩戴安全帽', '工地脚手架搭设不规范'],
  fire: ['民房楼道堆放大量杂物', '消防通道被车辆堵塞'],
  flood: ['水库溢洪道有杂物堵塞', '连日降雨后山坡出现裂缝', '低洼路段积水约30厘米'],
  sanitation: ['村道旁垃圾堆放多日未清运', '小河沟有污水直排'],
  facilities: ['村道路灯连续多晚不亮', '公共水龙头漏水'],
  roads: ['村道出现坑洼影响通行', '弯道处缺少警示标志'],
  livelihood: ['走访独居老人，了解生活情况', '关爱留守儿童，入户了解学习情况'],
  resettlement: ['移民户反映补助未按时到账', '安置房屋顶漏水'],
  other: ['群众咨询政策办理事项'],
};

function pickPointIn(polygon: PolygonCoords, random: () => number): [number, number] {
  const ring = polygon[0]!;
  const lons = ring.map((p) => p[0]);
  const lats = ring.map((p) => p[1]);
  const [minLon, maxLon, minLat, maxLat] = [
    Math.min(...lons),
    Math.max(...lons),
    Math.min(...lats),
    Math.max(...lats),
  ];
  for (let i = 0; i < 50; i++) {
    const p: [number, number] = [
      minLon + random() * (maxLon - minLon),
      minLat + random() * (maxLat - minLat),
    ];
    if (pointInPolygon(p, polygon)) return [Number(p[0].toFixed(6)), Number(p[1].toFixed(6))];
  }
  return ring[0] as [number, number];
}

async function loadCast(ctx: AppContext) {
  const town = await ctx.prisma.region.findUnique({ where: { code: DEMO_TOWN_CODE }, select: { id: true } });
  if (!town) return null;
  const [grids, townLeader, categories] = await Promise.all([
    ctx.prisma.grid.findMany({
      where: { townId: town.id },
      select: {
        id: true,
        villageId: true,
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
    ctx.prisma.category.findMany({
      where: { parentId: { not: null }, isActive: true },
      select: { id: true, code: true, slaUnit: true, slaAmount: true, defaultPriority: true, fields: true },
      orderBy: { code: 'asc' },
    }),
  ]);
  return { townId: town.id, grids, townLeaderId: townLeader?.staffId, categories };
}

export interface SeedDemoHistoryOptions {
  cases: number;
  /** Called after each batch is committed (progress logs; tests interrupt the seed here). */
  onBatch?: (progress: { casesDone: number; total: number }) => void | Promise<void>;
}

/**
 * Seeds the history once, resumably: each batch of 100 cases commits together with the progress row
 * (Setting `demo.history`), and a start after an interruption replays the same deterministic history,
 * skipping the committed batches, then finishes it. Does nothing when the demo town is missing, the
 * history is complete, or the town has cases the seed did not write (a database seeded before the
 * progress row existed).
 */
export async function seedDemoHistory(ctx: AppContext, options: SeedDemoHistoryOptions): Promise<string> {
  const cast = await loadCast(ctx);
  if (!cast?.townLeaderId) return 'demo history skipped: no demo town';
  const progress = await readHistoryProgress(ctx.prisma);
  if (progress?.isComplete) return 'demo history already present';
  if (!progress && (await ctx.prisma.case.count({ where: { townId: cast.townId } }))) {
    return 'demo history already present';
  }
  // A resumed seed replays the interrupted one, whatever DEMO_HISTORY_CASES says now.
  const total = progress?.total ?? options.cases;
  const batchesDone = progress?.batchesDone ?? 0;
  const random = createRandom(20261128);
  const calendar = await loadWorkingCalendar(ctx.prisma);
  const photos = await createDemoPhotoPool(ctx.config.UPLOAD_DIR);
  const numbers = new Map<number, number>();
  const start = DEMO_HISTORY_END.getTime() - 730 * DAY;
  const reportTimes = Array.from({ length: total }, () => start + random() * 730 * DAY).sort((a, b) => a - b);
  const categories = cast.categories.filter(
    (c) => (c.fields as unknown[]).length === 0 || c.code === 'livelihood.elderly',
  );

  for (let offset = 0, batchIndex = 0; offset < reportTimes.length; offset += BATCH, batchIndex++) {
    // Committed batches are generated again (same random draws, same case numbers) and not written.
    const isCommitted = batchIndex < batchesDone;
    const batch = reportTimes.slice(offset, offset + BATCH).map((time) => {
      const grid = cast.grids[Math.floor(random() * cast.grids.length)]!;
      const role = (r: string) => grid.assignments.find((a) => a.role === r)?.staffId ?? null;
      const patrollers = grid.assignments.filter((a) => a.role === 'patroller').map((a) => a.staffId);
      const worker = role('grid_worker');
      const reporterId =
        random() < 0.8 || !patrollers.length
          ? (worker ?? role('grid_leader')!)
          : patrollers[Math.floor(random() * patrollers.length)]!;
      const category = categories[Math.floor(random() * categories.length)]!;
      const texts = DESCRIPTIONS[category.code.split('.')[0]!] ?? DESCRIPTIONS.other!;
      const life = playDemoCase({
        random,
        calendar,
        reportedAt: new Date(time),
        end: DEMO_HISTORY_END,
        sla: toSlaDuration(category),
        // In the last six weeks about one case in five is still waiting: the backlog a town really has.
        isStalled: time > DEMO_HISTORY_END.getTime() - 42 * DAY && random() < 0.2,
        cast: {
          reporterId,
          workerId: worker,
          leaderId: role('grid_leader')!,
          townLeaderId: cast.townLeaderId!,
        },
      });
      const [lon, lat] = pickPointIn((grid.boundary as { coordinates: PolygonCoords }).coordinates, random);
      return {
        grid,
        category,
        reporterId,
        life,
        lon,
        lat,
        description: texts[Math.floor(random() * texts.length)]!,
        time,
      };
    });
    // Files first, outside the transaction: file I/O never holds the database.
    const cases: Prisma.CaseCreateManyInput[] = [];
    const events: Prisma.CaseEventCreateManyInput[] = [];
    const uploads: Prisma.UploadCreateManyInput[] = [];
    for (const item of batch) {
      const caseId = uuid7(item.time);
      const year = new Date(item.time + 8 * 3_600_000).getUTCFullYear();
      numbers.set(year, (numbers.get(year) ?? 0) + 1);
      for (const index of item.life.feedbackIndexes) {
        const event = item.life.events[index]!;
        const pick = Math.floor(random() * 12);
        if (isCommitted) continue;
        const upload = await photos.take(pick, new Date(event.at));
        uploads.push({ ...upload, ownerId: event.actorId, caseId });
        event.photoIds = [upload.id];
      }
      const lastAt = new Date(item.life.events[item.life.events.length - 1]!.at);
      cases.push({
        id: caseId,
        townId: cast.townId,
        number: `${year}-${String(numbers.get(year)).padStart(6, '0')}`,
        categoryId: item.category.id,
        gridId: item.grid.id,
        villageId: item.grid.villageId,
        priority: item.category.defaultPriority,
        description: item.description,
        lon: item.lon,
        lat: item.lat,
        reporterId: item.reporterId,
        reportedAt: new Date(item.time),
        ...projectionToColumns(item.life.projection),
        version: item.life.actions,
        updatedAt: lastAt,
      });
      events.push(
        ...item.life.events.map((e, i) => toEventRow(e, { caseId, townId: cast.townId, seq: i + 1 })),
      );
    }
    if (isCommitted) continue;
    await ctx.prisma.$transaction(
      async (tx) => {
        await tx.case.createMany({ data: cases });
        await tx.caseEvent.createMany({ data: events });
        await tx.upload.createMany({ data: uploads });
        await writeHistoryProgress(tx, { total, batchesDone: batchIndex + 1, isComplete: false });
      },
      { timeout: 60_000 },
    );
    await options.onBatch?.({ casesDone: Math.min(offset + BATCH, total), total });
  }
  // The per-town yearly sequence continues after the history.
  await ctx.prisma.caseCounter.createMany({
    data: [...numbers].map(([year, last]) => ({ townId: cast.townId, year, last })),
    skipDuplicates: true,
  });
  // The cases went in by bulk insert, past the incremental path: count them once (decision 007).
  await rebuildStats(ctx.prisma, { townIds: [cast.townId] });
  await writeHistoryProgress(ctx.prisma, { total, batchesDone: Math.ceil(total / BATCH), isComplete: true });
  const resumed = batchesDone ? ` (resumed after ${Math.min(batchesDone * BATCH, total)})` : '';
  return `demo history: ${total} cases over two years${resumed}`;
}
