import { CASE_STATUSES, CHOROPLETH_METRICS } from '@gridgov/shared';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DayInput } from '@/components/ui/day-input';
import type { LiveState } from '../hooks/use-live-case-events';
import { MAP_LAYERS, type MapFilters, type MapLayer, type StatusChoice } from '../utils/map-filters';

export type CategoryOption = { code: string; name: string; depth: 0 | 1 };

type DashboardControlsProps = {
  filters: MapFilters;
  onChange: (next: MapFilters) => void;
  onReset: () => void;
  categories: readonly CategoryOption[];
  caseCount: number;
  isTruncated: boolean;
  liveState: LiveState;
  /** The keyboard's way to a grid (GridPicker), shown beside the metric, never folded away. */
  gridPicker?: ReactNode;
};

const LAYER_LABEL = { grids: 'layerGrids', villages: 'layerVillages', cases: 'layerCases' } as const;

function preventSubmit(event: FormEvent<HTMLFormElement>) {
  event.preventDefault();
}

/** Metric, case filters and layer switches; every change goes to the URL at once (nothing to submit). */
export function DashboardControls(props: DashboardControlsProps) {
  const { filters, onChange, onReset, categories, caseCount, isTruncated, liveState, gridPicker } = props;
  const { t } = useTranslation();
  const id = useId();
  // On phones the filters fold away behind one button; the metric stays visible.
  const [isOpen, setIsOpen] = useState(false);
  const update = (patch: Partial<MapFilters>) => onChange({ ...filters, ...patch });
  const toggleLayer = (layer: MapLayer, isOn: boolean) =>
    update({ layers: MAP_LAYERS.filter((l) => (l === layer ? isOn : filters.layers.includes(l))) });

  return (
    <form
      className={`map-toolbar dashboard-controls${isOpen ? ' is-open' : ''}`}
      aria-label={t('dashboard.filtersLabel')}
      onSubmit={preventSubmit}
    >
      <div className="field field-inline">
        <label htmlFor={`${id}-metric`}>{t('dashboard.metric')}</label>
        <select
          id={`${id}-metric`}
          value={filters.metric}
          onChange={(event) => update({ metric: event.target.value as MapFilters['metric'] })}
        >
          {CHOROPLETH_METRICS.map((metric) => (
            <option key={metric} value={metric}>
              {t(`dashboard.metrics.${metric}`)}
            </option>
          ))}
        </select>
      </div>
      {gridPicker}
      <button
        type="button"
        className="button dashboard-filters-toggle"
        aria-expanded={isOpen}
        aria-controls={`${id}-more`}
        onClick={() => setIsOpen((open) => !open)}
      >
        {isOpen ? t('dashboard.hideFilters') : t('dashboard.showFilters')}
      </button>
      <div className="dashboard-more" id={`${id}-more`}>
        <div className="field field-inline">
          <label htmlFor={`${id}-status`}>{t('dashboard.status')}</label>
          <select
            id={`${id}-status`}
            value={filters.status ?? ''}
            onChange={(event) => update({ status: (event.target.value || null) as StatusChoice })}
          >
            <option value="">{t('dashboard.allStatuses')}</option>
            <option value="open">{t('dashboard.openStatuses')}</option>
            {CASE_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`caseStatus.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-inline">
          <label htmlFor={`${id}-category`}>{t('dashboard.category')}</label>
          <select
            id={`${id}-category`}
            value={filters.categoryCode ?? ''}
            onChange={(event) => update({ categoryCode: event.target.value || null })}
          >
            <option value="">{t('dashboard.allCategories')}</option>
            {categories.map((category) => (
              <option key={category.code} value={category.code}>
                {category.depth === 1 ? `　${category.name}` : category.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-inline">
          <label htmlFor={`${id}-from`}>{t('dashboard.from')}</label>
          <DayInput
            id={`${id}-from`}
            value={filters.from}
            max={filters.to}
            onDayChange={(day) => day && update({ from: day })}
          />
        </div>
        <div className="field field-inline">
          <label htmlFor={`${id}-to`}>{t('dashboard.to')}</label>
          <DayInput
            id={`${id}-to`}
            value={filters.to}
            min={filters.from}
            onDayChange={(day) => day && update({ to: day })}
          />
        </div>
        <label className="dashboard-check">
          <input
            type="checkbox"
            checked={filters.isEscalated}
            onChange={(event) => update({ isEscalated: event.target.checked })}
          />
          {t('dashboard.escalated')}
        </label>
        <label className="dashboard-check">
          <input
            type="checkbox"
            checked={filters.isOverdue}
            onChange={(event) => update({ isOverdue: event.target.checked })}
          />
          {t('dashboard.overdue')}
        </label>
        <fieldset className="dashboard-layers">
          <legend>{t('dashboard.layers')}</legend>
          {MAP_LAYERS.map((layer) => (
            <label key={layer} className="dashboard-check">
              <input
                type="checkbox"
                checked={filters.layers.includes(layer)}
                onChange={(event) => toggleLayer(layer, event.target.checked)}
              />
              {t(`dashboard.${LAYER_LABEL[layer]}`)}
            </label>
          ))}
        </fieldset>
        <button type="button" className="button" onClick={onReset}>
          {t('dashboard.reset')}
        </button>
      </div>
      <p className="map-count" aria-live="polite">
        <span className={`live-dot live-${liveState}`} aria-hidden="true" />
        <span data-testid="live-state" data-state={liveState}>
          {t(`dashboard.live.${liveState}`)}
        </span>
        {' · '}
        {isTruncated
          ? t('dashboard.truncated', { count: caseCount })
          : t('dashboard.caseCount', { count: caseCount })}
      </p>
    </form>
  );
}
