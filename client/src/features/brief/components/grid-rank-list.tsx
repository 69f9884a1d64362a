import type { StatsBreakdownItem } from '@gridgov/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

type GridRankListProps = {
  id: string;
  title: string;
  items: readonly StatsBreakdownItem[];
  casesPath: (item: StatsBreakdownItem) => string;
};

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

export function GridRankList({ id, title, items, casesPath }: GridRankListProps) {
  const { t } = useTranslation();
  return (
    <section className="brief-grids" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {items.length === 0 ? (
        <p className="muted">{t('brief.empty')}</p>
      ) : (
        <ol className="brief-grid-lines">
          {items.map((item) => (
            <li key={item.id}>
              <Link to={casesPath(item)}>{item.name}</Link>{' '}
              <span className="muted">
                {t('brief.gridLine', {
                  rate: percent(item.figures.onTimeRate),
                  onTime: item.figures.closedOnTime,
                  closed: item.figures.closed,
                  overdue: item.figures.overdue,
                })}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
