import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridFeature } from '../api/get-grids-geojson';

type GridPickerProps = {
  grids: readonly GridFeature[];
  selectedGridId: string | null;
  onChange: (gridId: string | null) => void;
};

/**
 * The grids drawn on the map as a select: the keyboard's and the screen reader's way to a polygon the
 * canvas cannot focus (issue 13). Choosing one selects it and brings it into view, like a click.
 */
export function GridPicker({ grids, selectedGridId, onChange }: GridPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const isSelectedDrawn = grids.some((grid) => grid.id === selectedGridId);
  return (
    <div className="field field-inline">
      <label htmlFor={id}>{t('map.gridSelect')}</label>
      <select
        id={id}
        value={isSelectedDrawn ? (selectedGridId ?? '') : ''}
        onChange={(event) => onChange(event.target.value || null)}
      >
        <option value="">{t('map.chooseGrid')}</option>
        {grids.map((grid) => (
          <option key={grid.id} value={grid.id}>
            {grid.properties.code} {grid.properties.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Says which grid is selected, however it was selected (click, tap, the picker, a shared link). */
export function GridSelectionStatus({
  grids,
  selectedGridId,
}: {
  grids: readonly GridFeature[];
  selectedGridId: string | null;
}) {
  const { t } = useTranslation();
  const grid = grids.find((item) => item.id === selectedGridId);
  return (
    <p className="visually-hidden" role="status" data-testid="grid-selection-status">
      {grid
        ? t('map.gridSelected', {
            code: grid.properties.code,
            name: grid.properties.name,
            village: grid.properties.village.name,
          })
        : ''}
    </p>
  );
}
