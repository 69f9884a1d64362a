import type { LonLat } from '@gridgov/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { GeolocationState } from '../hooks/use-geolocation';

export type GridChoice = { id: string; label: string };

type LocationFieldsProps = {
  idPrefix: string;
  location: LonLat | null;
  gridId: string;
  grids: readonly GridChoice[];
  /** Whether the grid was taken from the pin, or the pin lies outside every grid. */
  pinGrid: 'matched' | 'outside' | null;
  geolocation: GeolocationState;
  error: string | null;
  map: ReactNode;
  onLocate: () => void;
  onClearLocation: () => void;
  onGridChange: (gridId: string) => void;
};

const COORDINATE_DIGITS = 6;

/** Where it is: a pin (tap the map or use the device position), or failing that, just the grid. */
export function LocationFields(props: LocationFieldsProps) {
  const { idPrefix, location, gridId, grids, pinGrid, geolocation, error, map } = props;
  const { t } = useTranslation();
  const errorId = `${idPrefix}-location-error`;
  const statusText =
    geolocation.status === 'locating'
      ? t('report.locating')
      : geolocation.status === 'failed'
        ? t(`report.geo.${geolocation.problem}`)
        : location
          ? t('report.pinned', {
              lon: location.lon.toFixed(COORDINATE_DIGITS),
              lat: location.lat.toFixed(COORDINATE_DIGITS),
            })
          : t('report.mapHint');

  return (
    <fieldset className="report-section location-fields" aria-describedby={error ? errorId : undefined}>
      <legend>{t('report.location')}</legend>
      {map}
      <div className="location-tools">
        <button
          type="button"
          className="button"
          onClick={props.onLocate}
          disabled={geolocation.status === 'locating'}
        >
          {t('report.useMyLocation')}
        </button>
        {location && (
          <button type="button" className="button button-quiet" onClick={props.onClearLocation}>
            {t('report.clearLocation')}
          </button>
        )}
      </div>
      <p
        className={
          geolocation.status === 'failed' ? 'location-status location-status-error' : 'location-status'
        }
        role={geolocation.status === 'failed' ? 'alert' : 'status'}
      >
        {statusText}
        {geolocation.status === 'located' && ` ${t('report.accuracy', { meters: geolocation.accuracy })}`}
      </p>
      <div className="field">
        <label htmlFor={`${idPrefix}-grid`}>{t('report.grid')}</label>
        <select
          id={`${idPrefix}-grid`}
          value={gridId}
          onChange={(event) => props.onGridChange(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        >
          <option value="">{t('report.chooseGrid')}</option>
          {grids.map((grid) => (
            <option key={grid.id} value={grid.id}>
              {grid.label}
            </option>
          ))}
        </select>
        {pinGrid && (
          <p className="field-hint">
            {pinGrid === 'matched' ? t('report.gridFromPin') : t('report.pinOutsideGrids')}
          </p>
        )}
      </div>
      {error && (
        <p id={errorId} className="form-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
