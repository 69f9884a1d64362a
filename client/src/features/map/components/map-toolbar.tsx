import type { RegionRef } from '@gridgov/shared';
import { type FormEvent, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridFeature } from '../api/get-grids-geojson';
import { GridPicker, GridSelectionStatus } from './grid-picker';

type MapToolbarProps = {
  villages: readonly RegionRef[];
  villageId: string | null;
  onVillageChange: (villageId: string | null) => void;
  /** The grids currently drawn, offered as a keyboard- and screen-reader-friendly way to select one. */
  grids: readonly GridFeature[];
  selectedGridId: string | null;
  onGridChange: (gridId: string | null) => void;
};

/** The selects apply on change; there is nothing to submit. */
function preventSubmit(event: FormEvent<HTMLFormElement>) {
  event.preventDefault();
}

export function MapToolbar(props: MapToolbarProps) {
  const { villages, villageId, onVillageChange, grids, selectedGridId, onGridChange } = props;
  const { t } = useTranslation();
  const id = useId();

  return (
    <form className="map-toolbar" aria-label={t('map.toolbarLabel')} onSubmit={preventSubmit}>
      {/* One village (a grid worker's scope) leaves nothing to choose. */}
      {villages.length > 1 && (
        <div className="field field-inline">
          <label htmlFor={`${id}-village`}>{t('map.villageFilter')}</label>
          <select
            id={`${id}-village`}
            value={villageId ?? ''}
            onChange={(event) => onVillageChange(event.target.value || null)}
          >
            <option value="">{t('map.allVillages')}</option>
            {villages.map((village) => (
              <option key={village.id} value={village.id}>
                {village.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <GridPicker grids={grids} selectedGridId={selectedGridId} onChange={onGridChange} />
      <GridSelectionStatus grids={grids} selectedGridId={selectedGridId} />
      <p className="map-count" aria-live="polite">
        {t('map.gridCount', { count: grids.length })}
      </p>
    </form>
  );
}
