import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DayInput } from '@/components/ui/day-input';
import { pickLocalized } from '@/lib/pick-localized';
import { type StatsFilters, WINDOW_PRESETS, type WindowPreset } from '../utils/stats-filters';

type Option = { id: string; name: string };

type StatsFiltersFormProps = {
  filters: StatsFilters;
  onChange: (changes: Partial<StatsFilters>) => void;
  onReset: () => void;
  villages: readonly Option[];
  /** Grids of the chosen village (or every grid when none is chosen). */
  grids: readonly Option[];
  categories: readonly { code: string; name: string; nameEn: string }[];
};

export function StatsFiltersForm({
  filters,
  onChange,
  onReset,
  villages,
  grids,
  categories,
}: StatsFiltersFormProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <form
      className="stats-filters"
      aria-label={t('stats.filtersLabel')}
      onSubmit={(event) => event.preventDefault()}
    >
      <fieldset className="stats-window">
        <legend>{t('stats.window')}</legend>
        <div className="segmented">
          {WINDOW_PRESETS.map((preset) => (
            <label key={preset} className="segmented-option">
              <input
                type="radio"
                name="preset"
                value={preset}
                checked={filters.preset === preset}
                onChange={() => onChange({ preset: preset as WindowPreset })}
              />
              <span>{t(`stats.presets.${preset}`)}</span>
            </label>
          ))}
        </div>
        {filters.preset === 'custom' && (
          <div className="stats-dates">
            <div className="stats-date">
              <label htmlFor={`${id}-from`}>{t('stats.from')}</label>
              <DayInput
                id={`${id}-from`}
                value={filters.from}
                max={filters.to}
                onDayChange={(day) => day && onChange({ from: day })}
              />
            </div>
            <div className="stats-date">
              <label htmlFor={`${id}-to`}>{t('stats.to')}</label>
              <DayInput
                id={`${id}-to`}
                value={filters.to}
                min={filters.from}
                onDayChange={(day) => day && onChange({ to: day })}
              />
            </div>
          </div>
        )}
      </fieldset>
      <label>
        <span>{t('stats.village')}</span>
        <select
          value={filters.villageId ?? ''}
          onChange={(event) => onChange({ villageId: event.target.value || null, gridId: null })}
        >
          <option value="">{t('stats.all')}</option>
          {villages.map((village) => (
            <option key={village.id} value={village.id}>
              {village.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('stats.grid')}</span>
        <select
          value={filters.gridId ?? ''}
          onChange={(event) => onChange({ gridId: event.target.value || null })}
        >
          <option value="">{t('stats.all')}</option>
          {grids.map((grid) => (
            <option key={grid.id} value={grid.id}>
              {grid.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('stats.category')}</span>
        <select
          value={filters.categoryCode ?? ''}
          onChange={(event) => onChange({ categoryCode: event.target.value || null })}
        >
          <option value="">{t('stats.all')}</option>
          {categories.map((category) => (
            <option key={category.code} value={category.code}>
              {pickLocalized(i18n.language, category.name, category.nameEn)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button button-quiet" onClick={onReset}>
        {t('stats.reset')}
      </button>
    </form>
  );
}
