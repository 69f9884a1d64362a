import type { StatsBreakdownItem } from '@gridgov/shared';
import { useTranslation } from 'react-i18next';
import { readMetric } from '../utils/choropleth-scale';
import { formatFigure } from './map-legend';

/** The selected grid's figures over the dashboard's window (a section of the grid panel). */
export function GridFigures({
  item,
  window,
}: {
  item: StatsBreakdownItem | undefined;
  window: { from: string; to: string };
}) {
  const { t, i18n } = useTranslation();
  const show = (value: number | null, metric: 'open' | 'per1000' | 'onTimeRate') =>
    formatFigure(value, metric, i18n.language) ?? t('common.empty');
  return (
    <section className="panel-section" data-testid="grid-figures">
      <h3>{t('gridFigures.title', window)}</h3>
      {item ? (
        <dl className="facts">
          <dt>{t('gridFigures.received')}</dt>
          <dd>{show(item.figures.received, 'open')}</dd>
          <dt>{t('gridFigures.open')}</dt>
          <dd>{show(item.figures.open, 'open')}</dd>
          <dt>{t('gridFigures.overdue')}</dt>
          <dd>{show(item.figures.overdue, 'open')}</dd>
          <dt>{t('gridFigures.closed')}</dt>
          <dd>{show(item.figures.closed, 'open')}</dd>
          <dt>{t('gridFigures.onTimeRate')}</dt>
          <dd>{show(item.figures.onTimeRate, 'onTimeRate')}</dd>
          <dt>{t('gridFigures.per1000')}</dt>
          <dd>{show(readMetric(item, 'per1000'), 'per1000')}</dd>
        </dl>
      ) : (
        <p className="muted">{t('gridFigures.unavailable')}</p>
      )}
    </section>
  );
}
