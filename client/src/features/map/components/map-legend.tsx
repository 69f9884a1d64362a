import type { ChoroplethMetric } from '@gridgov/shared';
import { useTranslation } from 'react-i18next';
import { type ChoroplethScale, NO_DATA_COLOR } from '../utils/choropleth-scale';

export function formatFigure(
  value: number | null,
  metric: ChoroplethMetric,
  language: string,
): string | null {
  if (value === null) return null;
  if (metric === 'onTimeRate') {
    return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(value);
  }
  return new Intl.NumberFormat(language, { maximumFractionDigits: metric === 'per1000' ? 1 : 0 }).format(
    value,
  );
}

/** What each colour means for the chosen figure, and over which days. */
export function MapLegend({
  scale,
  window,
  status,
}: {
  scale: ChoroplethScale;
  window: { from: string; to: string };
  status: 'loading' | 'error' | 'ready';
}) {
  const { t, i18n } = useTranslation();
  const metricName = t(`dashboard.metrics.${scale.metric}`);
  const format = (value: number) => formatFigure(value, scale.metric, i18n.language) ?? '';
  return (
    <section
      className="map-legend"
      aria-label={t('dashboard.legendTitle', { metric: metricName })}
      data-testid="map-legend"
    >
      <h2 className="map-legend-title" data-metric={scale.metric}>
        {metricName}
      </h2>
      <p className="map-legend-window">{t('dashboard.legendWindow', window)}</p>
      {status === 'error' && (
        <p className="map-legend-note" role="status">
          {t('dashboard.figuresUnavailable')}
        </p>
      )}
      {status === 'loading' && <p className="map-legend-note">{t('dashboard.figuresLoading')}</p>}
      <ul className="map-legend-classes">
        {[...scale.classes].reverse().map((item) => (
          <li key={item.color}>
            <span className="map-legend-swatch" style={{ background: item.color }} aria-hidden="true" />
            {format(item.min)} – {format(item.max)}
          </li>
        ))}
        <li>
          <span className="map-legend-swatch" style={{ background: NO_DATA_COLOR }} aria-hidden="true" />
          {t('dashboard.legendNoData')}
        </li>
      </ul>
    </section>
  );
}
