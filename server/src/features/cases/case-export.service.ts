// Case exports: the case list's scope and filters (the same SQL conditions, case-list.query.ts), read
// in keyset pages of 1,000 rows so a 100,000-row export never holds more than one page
// (see docs/decisions/008-exports.md).
import { type CaseExportQuery, chinaDayOf } from '@gridgov/shared';
import type { Actor } from '../../lib/auth/scope';
import type { AppContext } from '../../lib/context';
import type { Cell } from '../../lib/export/csv';
import { assertCanExport } from '../../lib/export/export-access';
import type { TableExport } from '../../lib/export/table-stream';
import { loadWorkingCalendar } from '../calendar/calendar.repository';
import { CASE_EXPORT_COLUMNS } from './case-export.columns';
import {
  afterCursorSql,
  type CaseListCursor,
  caseCountSql,
  caseListConditions,
  caseListFilters,
  casePageSql,
  SORT_FIELD,
} from './case-list.query';
import { describeDeadline } from './case-mappers';
import { countCasesMatching, findCaseSummaryPage } from './cases.repository';

export const EXPORT_PAGE_SIZE = 1_000;

export async function exportCases(
  ctx: AppContext,
  actor: Actor,
  query: CaseExportQuery,
  options: { pageSize?: number } = {},
): Promise<TableExport> {
  assertCanExport(actor);
  // One "now" for the count and every page, so overdue filters do not shift while streaming.
  const now = new Date();
  const filters = caseListFilters(actor, query, now);
  const [total, calendar] = await Promise.all([
    countCasesMatching(ctx.prisma, caseCountSql(caseListConditions(actor, query, now))),
    loadWorkingCalendar(ctx.prisma),
  ]);
  const pageSize = options.pageSize ?? EXPORT_PAGE_SIZE;
  const field = SORT_FIELD[query.sort];

  async function* readPages(): AsyncGenerator<Cell[][]> {
    let cursor: CaseListCursor | null = null;
    for (;;) {
      const page = cursor ? [...filters, afterCursorSql(query.sort, cursor)] : filters;
      const { rows } = await findCaseSummaryPage(ctx.sql, casePageSql(actor, page, query.sort, pageSize));
      if (rows.length === 0) return;
      yield rows.map((row) => {
        const deadlineStatus = describeDeadline(row, calendar, now);
        return CASE_EXPORT_COLUMNS.map((column) => column.value(row, deadlineStatus));
      });
      if (rows.length < pageSize) return;
      const last = rows[rows.length - 1]!;
      cursor = { v: last[field]?.toISOString() ?? null, id: last.id };
    }
  }

  return {
    baseName: `事件-${chinaDayOf(now)}`,
    sheetName: '事件',
    columns: CASE_EXPORT_COLUMNS,
    total,
    pages: readPages(),
  };
}
