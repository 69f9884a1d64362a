import type { StatsTrend } from '@gridgov/shared';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

type EChartsModule = typeof import('../utils/echarts');
type Chart = ReturnType<EChartsModule['echarts']['init']>;

/** Received, closed, closed on time (bars/lines) and escalations per day or week. */
export function TrendChart({ trend }: { trend: StatsTrend }) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<Chart | null>(null);
  const [isLoaded, setIsLoaded] = useState(false);

  // The chart library is a chunk of its own, loaded when a chart is first shown.
  useEffect(() => {
    let isCancelled = false;
    void import('../utils/echarts').then(({ echarts }) => {
      if (isCancelled || !container.current) return;
      chart.current = echarts.init(container.current, null, { renderer: 'canvas' });
      setIsLoaded(true);
    });
    const resize = () => chart.current?.resize();
    window.addEventListener('resize', resize);
    return () => {
      isCancelled = true;
      window.removeEventListener('resize', resize);
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (!isLoaded || !chart.current) return;
    const points = trend.points;
    chart.current.setOption(
      {
        animation: false,
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 40, right: 16, top: 36, bottom: 28 },
        xAxis: { type: 'category', data: points.map((p) => p.start.slice(5)) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          {
            name: t('stats.trend.received'),
            type: 'bar',
            data: points.map((p) => p.received),
            color: '#3b82c4',
          },
          {
            name: t('stats.trend.closed'),
            type: 'line',
            data: points.map((p) => p.closed),
            color: '#2e9d5b',
          },
          {
            name: t('stats.trend.closedOnTime'),
            type: 'line',
            data: points.map((p) => p.closedOnTime),
            color: '#8bc34a',
            lineStyle: { type: 'dashed' },
          },
          {
            name: t('stats.trend.escalated'),
            type: 'line',
            data: points.map((p) => p.escalated),
            color: '#d9534f',
          },
        ],
      },
      true,
    );
  }, [isLoaded, trend, t]);

  const summary = trend.points
    .map(
      (p) => `${p.start}: ${t('stats.trend.received')} ${p.received}, ${t('stats.trend.closed')} ${p.closed}`,
    )
    .join('; ');

  return (
    <div className="trend-chart-wrap">
      {trend.points.length === 0 && <p className="empty-state">{t('stats.trend.empty')}</p>}
      {!isLoaded && <p className="muted">{t('stats.trend.loading')}</p>}
      <div
        ref={container}
        className="trend-chart"
        role="img"
        aria-label={`${t('stats.trend.title')}: ${summary}`}
      />
    </div>
  );
}
