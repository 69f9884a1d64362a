import { type StatsBreakdownItem, sortRankings } from '@gridgov/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatHours, formatRate } from '../utils/format-figures';
import { RANKING_COLUMNS, type RankingColumn, type RankingSort } from '../utils/sort-rankings';

type RankingsTableProps = {
  items: readonly StatsBreakdownItem[];
  caption: string;
  /** The case list filtered to this row (and the window), or null when the row has no list (categories use it too). */
  casesPathFor: (item: StatsBreakdownItem) => string | null;
};

const RATE_COLUMNS = new Set<RankingColumn>(['closeRate', 'onTimeRate', 'reworkRate']);

function formatCell(
  item: StatsBreakdownItem,
  column: (typeof RANKING_COLUMNS)[number],
): string | number | null {
  const value = item.figures[column];
  if (RATE_COLUMNS.has(column)) return formatRate(value);
  if (column === 'avgHandlingHours') return formatHours(value);
  return value;
}

/** A ranking with clickable column headers (aria-sort) and a link from each row to its cases. */
export function RankingsTable({ items, caption, casesPathFor }: RankingsTableProps) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<RankingSort>({ column: 'onTimeRate', isDescending: true });
  const rows = sortRankings(items, sort);
  const label = (column: RankingColumn) =>
    column === 'name' ? t('stats.rankings.name') : t(`stats.figures.${column}`);

  function toggle(column: RankingColumn) {
    setSort((current) =>
      current.column === column
        ? { column, isDescending: !current.isDescending }
        : { column, isDescending: column !== 'name' },
    );
  }

  if (items.length === 0) return <p className="empty-state">{t('stats.rankings.empty')}</p>;

  return (
    <div className="table-scroll">
      <table className="data-table rankings-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('stats.rankings.rank')}</th>
            {(['name', ...RANKING_COLUMNS] as const).map((column) => (
              <th
                key={column}
                scope="col"
                aria-sort={
                  sort.column === column ? (sort.isDescending ? 'descending' : 'ascending') : undefined
                }
              >
                <button
                  type="button"
                  className="sort-button"
                  title={t('stats.rankings.sortBy', { column: label(column) })}
                  onClick={() => toggle(column)}
                >
                  {label(column)}
                  <span aria-hidden="true">
                    {sort.column === column ? (sort.isDescending ? ' ▼' : ' ▲') : ''}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((item, index) => {
            const path = casesPathFor(item);
            return (
              <tr key={item.id}>
                <td>{index + 1}</td>
                <th scope="row">
                  {path ? (
                    <Link to={path} title={t('stats.rankings.viewCases')}>
                      {item.name}
                    </Link>
                  ) : (
                    item.name
                  )}
                </th>
                {RANKING_COLUMNS.map((column) => (
                  <td key={column} className="numeric">
                    {formatCell(item, column) ?? t('stats.none')}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
