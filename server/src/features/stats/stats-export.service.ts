// Rankings as files: the breakdown's rows (same window, filters and scope), best 按期结案率 first, as the
// statistics page shows them. A ranking has at most a row per grid or worker, so one page suffices.
import {
  type Figures,
  type RankingSort,
  type StatsBreakdownExportQuery,
  type StatsDimension,
  sortRankings,
} from '@gridgov/shared';
import type { Actor } from '../../lib/auth/scope';
import type { AppContext } from '../../lib/context';
import type { Cell } from '../../lib/export/csv';
import { assertCanExport } from '../../lib/export/export-access';
import type { ExportColumn, TableExport } from '../../lib/export/table-stream';
import { getStatsBreakdown } from './stats.service';

const DIMENSION_LABELS: Record<StatsDimension, string> = {
  village: '村（社区）',
  grid: '网格',
  worker: '人员',
  category: '事件类别',
};

const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);
const hours = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

interface FigureColumn extends ExportColumn {
  value: (f: Figures) => Cell;
}

const FIGURE_COLUMNS: readonly FigureColumn[] = [
  { header: '收到事件', width: 10, value: (f) => f.received },
  { header: '立案', width: 8, value: (f) => f.accepted },
  { header: '结案', width: 8, value: (f) => f.closed },
  { header: '按期结案', width: 10, value: (f) => f.closedOnTime },
  { header: '未结', width: 8, value: (f) => f.open },
  { header: '超期未结', width: 10, value: (f) => f.overdue },
  { header: '应结', width: 8, value: (f) => f.dueToClose },
  { header: '结案率（%）', width: 12, value: (f) => percent(f.closeRate) },
  { header: '按期结案率（%）', width: 14, value: (f) => percent(f.onTimeRate) },
  { header: '平均处置时长（小时）', width: 18, value: (f) => hours(f.avgHandlingHours) },
  { header: '处置时长中位数（小时）', width: 20, value: (f) => hours(f.medianHandlingHours) },
  { header: '返工', width: 8, value: (f) => f.reworked },
  { header: '返工率（%）', width: 12, value: (f) => percent(f.reworkRate) },
  { header: '督办', width: 8, value: (f) => f.escalated },
];

/** Best on-time rate first, rows without a rate last, then by name: equal files for equal data. */
const BEST_ON_TIME_FIRST: RankingSort = { column: 'onTimeRate', isDescending: true };

export async function exportStatsBreakdown(
  ctx: AppContext,
  actor: Actor,
  query: StatsBreakdownExportQuery,
): Promise<TableExport> {
  assertCanExport(actor);
  const { format: _format, ...breakdownQuery } = query;
  const breakdown = await getStatsBreakdown(ctx, actor, breakdownQuery);
  const rows = sortRankings(breakdown.items, BEST_ON_TIME_FIRST).map((item, index): Cell[] => [
    index + 1,
    item.name,
    item.code,
    item.population,
    ...FIGURE_COLUMNS.map((column) => column.value(item.figures)),
  ]);
  const label = DIMENSION_LABELS[query.by];
  async function* onePage() {
    if (rows.length > 0) yield rows;
  }
  return {
    baseName: `${label}排名-${query.from}至${query.to}`,
    sheetName: `${label}排名`,
    columns: [
      { header: '名次', width: 6 },
      { header: label, width: 20 },
      { header: '编码', width: 18 },
      { header: '人口', width: 8 },
      ...FIGURE_COLUMNS,
    ],
    total: rows.length,
    pages: onePage(),
  };
}
