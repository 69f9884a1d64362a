import 'leaflet/dist/leaflet.css';
import type { BBox, ClientConfig } from '@gridgov/shared';
import { canvas } from 'leaflet';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MapContainer, TileLayer } from 'react-leaflet';
import type { GridFeature } from '../api/get-grids-geojson';
import { FitToBox } from './fit-to-box';
import { GridLayer } from './grid-layer';
import { TownMapControls } from './town-map-controls';

type GridMapProps = {
  mapConfig: ClientConfig['map'];
  features: readonly GridFeature[];
  selectedGridId: string | null;
  /** Keep it stable (useCallback) where possible: every polygon is memoised on it. */
  onSelect: (gridId: string) => void;
  /** The view fits this box whenever its value changes: the user's scope, a village, a home grid. */
  fitBox: BBox | null;
};

export function GridMap({ mapConfig, features, selectedGridId, onSelect, fitBox }: GridMapProps) {
  const { t } = useTranslation();
  const [drawnCount, setDrawnCount] = useState(0);
  // One canvas for all polygons: ~85 SVG paths with tooltips get sluggish on phones. The tolerance widens
  // the hit area for fingers.
  const [renderer] = useState(() => canvas({ padding: 0.5, tolerance: 4 }));

  return (
    <section
      className="grid-map"
      data-testid="grid-map"
      data-grid-count={drawnCount}
      aria-label={t('map.mapLabel')}
    >
      <MapContainer
        center={mapConfig.center}
        zoom={mapConfig.zoom}
        preferCanvas
        renderer={renderer}
        className="grid-map-canvas"
        zoomSnap={0.25}
        attributionControl={false}
        zoomControl={false}
      >
        {mapConfig.tileUrl && <TileLayer url={mapConfig.tileUrl} attribution={mapConfig.tileAttribution} />}
        <GridLayer
          features={features}
          selectedGridId={selectedGridId}
          onSelect={onSelect}
          onDrawnCountChange={setDrawnCount}
        />
        <FitToBox box={fitBox} />
        <TownMapControls hasTiles={mapConfig.tileUrl !== null} />
      </MapContainer>
    </section>
  );
}
