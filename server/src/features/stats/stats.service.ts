// The statistics API (issue 5): figures for the viewer's territory over a window of local days.
// Windowed counts come from StatsDaily at the coarsest level that fits the query; open and overdue
// are counted live. Every rate comes from shared/src/stats/figures.ts.
import type { Prisma } from '@gridgov/db';
import {
  computeFigures,
  type DailyCounts,
  emptyDailyCounts,
  type FigureCounts,
  type Figures,
  findWindowProblem,
  listWindowDays,
  type StatsBreakdown,
  type StatsBreakdownItem,
  type StatsBreakdownQuery,
  type StatsQuery,
  type StatsSummary,
  type StatsTrend,
  type StatsTrendQuery,
  weekStartOf,
} from '@gridgov/shared';
import { type Actor, gridScopeWhere, isGridInScope } from '../../lib/auth/scope';
import type { AppContext } from '../../lib/context';
import { AppError, forbidden, notFound } from '../../lib/errors';
import {
  countOpenCases,
  findCategoriesByCode,
  findCategoryNames,
  findGridKey,
  findRegionNames,
  findStatsGrids,
  findStatsStaff,
  findVillage,
  type StatsFilter,
  type StatsGroup,
  sumStatsDaily,
} from './stats.repository';
import { chooseLevel, NIL_UUID, type StatsDim } from './stats-levels';

interface Resolved {
  filter: StatsFilter;
  /** The grids in the territory and filters (for grid and village rows). */
  gridWhere: Prisma.GridWhereInput;
  needed: Set<StatsDim>;
}

function checkWindow(q: StatsQuery): void {
  const problem = findWindowProblem(q.from, q.to);
  if (problem) throw new AppError('validation_failed', `Invalid window: ${problem}`, { to: problem });
}

/** The viewer's territory narrowed by the filters; a filter outside the territory is 403. */
async function resolveFilter(ctx: AppContext, actor: Actor, q: StatsQuery): Promise<Resolved> {
  checkWindow(q);
  const { scope } = actor;
  const isGridScope = scope.level === 'grids';
  const filter: StatsFilter = isGridScope
    ? { townIds: scope.memberTownIds, gridIds: scope.gridIds }
    : { townIds: scope.townIds };
  const gridWhere: Prisma.GridWhereInput[] = [gridScopeWhere(scope)];
  const needed = new Set<StatsDim>(isGridScope ? ['grid'] : []);
  if (q.gridId) {
    const grid = await findGridKey(ctx.prisma, q.gridId);
    if (!grid) throw notFound('Grid');
    if (!isGridInScope(scope, grid)) throw forbidden('This grid is outside your scope');
    filter.gridId = grid.id;
    gridWhere.push({ id: grid.id });
    needed.add('grid');
  }
  if (q.villageId) {
    const village = await findVillage(ctx.prisma, q.villageId);
    if (!village) throw notFound('Village');
    const isInScope = isGridScope
      ? (await findStatsGrids(ctx.prisma, { id: { in: scope.gridIds }, villageId: village.id })).length > 0
      : scope.townIds.includes(village.parentId ?? '');
    if (!isInScope) throw forbidden('This village is outside your scope');
    filter.villageId = village.id;
    gridWhere.push({ villageId: village.id });
    needed.add('grid');
  }
  if (q.categoryCode) {
    const categories = await findCategoriesByCode(ctx.prisma, q.categoryCode);
    if (!categories.length) {
      throw new AppError('validation_failed', 'Unknown category code', { categoryCode: q.categoryCode });
    }
    filter.categoryIds = categories.map((c) => c.id);
    needed.add('category');
  }
  return { filter, gridWhere: { AND: gridWhere }, needed };
}

function toCounts(
  daily: DailyCounts | undefined,
  live: { open: number; overdue: number } | undefined,
): FigureCounts {
  return { ...(daily ?? emptyDailyCounts()), open: live?.open ?? 0, overdue: live?.overdue ?? 0 };
}

async function loadFigures(
  ctx: AppContext,
  q: StatsQuery,
  resolved: Resolved,
  group: Exclude<StatsGroup, 'day'>,
): Promise<{ daily: Map<string, DailyCounts>; live: Map<string, { open: number; overdue: number }> }> {
  const level = chooseLevel(resolved.needed);
  const [daily, live] = await Promise.all([
    sumStatsDaily(ctx.prisma, { level, from: q.from, to: q.to, filter: resolved.filter, group }),
    countOpenCases(ctx.prisma, { filter: resolved.filter, group, now: new Date() }),
  ]);
  return { daily, live };
}

export async function getStatsSummary(ctx: AppContext, actor: Actor, q: StatsQuery): Promise<StatsSummary> {
  const resolved = await resolveFilter(ctx, actor, q);
  const { daily, live } = await loadFigures(ctx, q, resolved, 'all');
  return { from: q.from, to: q.to, figures: computeFigures(toCounts(daily.get('all'), live.get('all'))) };
}

type Loaded = Awaited<ReturnType<typeof loadFigures>>;
const figuresOf = (loaded: Loaded, key: string): Figures =>
  computeFigures(toCounts(loaded.daily.get(key), loaded.live.get(key)));
const keysOf = (loaded: Loaded) =>
  [...new Set([...loaded.daily.keys(), ...loaded.live.keys()])].filter((k) => k !== NIL_UUID);

async function listGridItems(
  ctx: AppContext,
  resolved: Resolved,
  loading: Promise<Loaded>,
): Promise<StatsBreakdownItem[]> {
  // Every grid of the territory, those without cases included: the choropleth colours them all.
  const [grids, loaded] = await Promise.all([findStatsGrids(ctx.prisma, resolved.gridWhere), loading]);
  return grids.map((g) => ({
    id: g.id,
    code: g.code,
    name: g.name,
    population: g.population,
    figures: figuresOf(loaded, g.id),
  }));
}

async function listVillageItems(
  ctx: AppContext,
  resolved: Resolved,
  loading: Promise<Loaded>,
): Promise<StatsBreakdownItem[]> {
  const [grids, loaded] = await Promise.all([findStatsGrids(ctx.prisma, resolved.gridWhere), loading]);
  const population = new Map<string, number | null>();
  for (const g of grids) {
    const sum = population.get(g.villageId) ?? null;
    population.set(g.villageId, g.population === null ? sum : (sum ?? 0) + g.population);
  }
  const villages = await findRegionNames(ctx.prisma, [...population.keys()]);
  return villages
    .map((v) => ({
      id: v.id,
      code: v.code,
      name: v.name,
      population: population.get(v.id) ?? null,
      figures: figuresOf(loaded, v.id),
    }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

async function listWorkerItems(
  ctx: AppContext,
  resolved: Resolved,
  loading: Promise<Loaded>,
): Promise<StatsBreakdownItem[]> {
  const loaded = await loading;
  const staff = await findStatsStaff(ctx.prisma, { ids: keysOf(loaded), gridWhere: resolved.gridWhere });
  return staff.map((s) => ({
    id: s.id,
    code: s.username,
    name: s.name,
    population: null,
    figures: figuresOf(loaded, s.id),
  }));
}

async function listCategoryItems(
  ctx: AppContext,
  resolved: Resolved,
  loading: Promise<Loaded>,
): Promise<StatsBreakdownItem[]> {
  const loaded = await loading;
  const where: Prisma.CategoryWhereInput = resolved.filter.categoryIds
    ? { id: { in: resolved.filter.categoryIds }, children: { none: {} } }
    : { OR: [{ id: { in: keysOf(loaded) } }, { isActive: true, children: { none: {} } }] };
  const categories = await findCategoryNames(ctx.prisma, where);
  return categories.map((c) => ({
    id: c.code,
    code: c.code,
    name: c.name,
    population: null,
    figures: figuresOf(loaded, c.id),
  }));
}

const BREAKDOWN = {
  grid: { dim: 'grid', group: 'grid', list: listGridItems },
  village: { dim: 'grid', group: 'village', list: listVillageItems },
  worker: { dim: 'assignee', group: 'assignee', list: listWorkerItems },
  category: { dim: 'category', group: 'category', list: listCategoryItems },
} as const;

export async function getStatsBreakdown(
  ctx: AppContext,
  actor: Actor,
  q: StatsBreakdownQuery,
): Promise<StatsBreakdown> {
  const resolved = await resolveFilter(ctx, actor, q);
  const spec = BREAKDOWN[q.by];
  resolved.needed.add(spec.dim);
  // The figures load while the list fetches the names it needs (grids do not depend on the figures).
  const loading = loadFigures(ctx, q, resolved, spec.group);
  return { by: q.by, from: q.from, to: q.to, items: await spec.list(ctx, resolved, loading) };
}

export async function getStatsTrend(ctx: AppContext, actor: Actor, q: StatsTrendQuery): Promise<StatsTrend> {
  const resolved = await resolveFilter(ctx, actor, q);
  const byDay = await sumStatsDaily(ctx.prisma, {
    level: chooseLevel(resolved.needed),
    from: q.from,
    to: q.to,
    filter: resolved.filter,
    group: 'day',
  });
  const points = new Map<string, StatsTrend['points'][number]>();
  for (const day of listWindowDays(q.from, q.to)) {
    // A week that began before the window starts at the window's first day.
    const start = q.interval === 'week' ? [weekStartOf(day), q.from].sort()[1]! : day;
    const point = points.get(start) ?? {
      start,
      received: 0,
      accepted: 0,
      closed: 0,
      closedOnTime: 0,
      escalated: 0,
    };
    const counts = byDay.get(day);
    if (counts) {
      point.received += counts.received;
      point.accepted += counts.accepted;
      point.closed += counts.closed;
      point.closedOnTime += counts.closedOnTime;
      point.escalated += counts.escalated;
    }
    points.set(start, point);
  }
  return { interval: q.interval, points: [...points.values()] };
}
