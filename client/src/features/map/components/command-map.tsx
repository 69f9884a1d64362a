import 'leaflet/dist/leaflet.css';
import '@/styles/command-map.css';
import type { BBox, ClientConfig, MapPoint, StatsBreakdownItem } from '@gridgov/shared';
import type { Renderer } from 'leaflet';
import { type ReactNode, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MapContainer, TileLayer } from 'react-leaflet';
import type { GridFeature } from '../api/get-grids-geojson';
import { buildChoroplethScale, readMetric } from '../utils/choropleth-scale';
import type { MapFilters } from '../utils/map-filters';
import { CaseClusterLayer } from './case-cluster-layer';
import { CaseMarkerLegend } from './case-marker-legend';
import { ChoroplethLayer, GRID_PANE, usePaneRenderer } from './choropleth-layer';
import { FitToBox } from './fit-to-box';
import { formatFigure, MapLegend } from './map-legend';
import { VillageOutlineLayer } from './village-outline-layer';

type CommandMapProps = {
  mapConfig: ClientConfig['map'];
  features: readonly GridFeature[];
  /** Per-grid figures over the window; undefined while loading or when unavailable. */
  figures: readonly StatsBreakdownItem[] | undefined;
  figuresStatus: 'loading' | 'error' | 'ready';
  points: readonly MapPoint[];
  filters: MapFilters;
  selectedGridId: string | null;
  onSelectGrid: (gridId: string) => void;
  onSelectCase: (caseId: string) => void;
  fitBox: BBox | null;
};

const NEUTRAL_FILL = '#cbd5e1';

/** Grids and case markers on one canvas, so both get clicks (see usePaneRenderer); cases drawn last. */
function SharedCanvas({ children }: { children: (renderer: Renderer) => ReactNode }) {
  return children(usePaneRenderer(GRID_PANE, 400));
}

/** The town leader's map: grids coloured by a figure, village boundaries, live case clusters, a legend. */
export function CommandMap(props: CommandMapProps) {
  const { mapConfig, features, figures, figuresStatus, points, filters } = props;
  const { t, i18n } = useTranslation();
  const [drawnCount, setDrawnCount] = useState(0);
  const [drawnCaseMarkers, setDrawnCaseMarkers] = useState(0);
  const layers = new Set(filters.layers);
  const isColoured = layers.has('grids');

  const figureByGrid = useMemo(() => new Map((figures ?? []).map((item) => [item.id, item])), [figures]);
  const valueByGrid = useMemo(
    () => new Map(features.map((f) => [f.id, readMetric(figureByGrid.get(f.id), filters.metric)])),
    [features, figureByGrid, filters.metric],
  );
  const scale = useMemo(
    () => buildChoroplethScale(filters.metric, [...valueByGrid.values()]),
    [filters.metric, valueByGrid],
  );
  const colorOf = useCallback(
    (gridId: string) => (figures ? scale.colorOf(valueByGrid.get(gridId) ?? null) : NEUTRAL_FILL),
    [figures, scale, valueByGrid],
  );
  const fillOf = useMemo(() => (isColoured ? colorOf : () => 'transparent'), [isColoured, colorOf]);
  const nameByGrid = useMemo(() => new Map(features.map((f) => [f.id, f.properties.name])), [features]);
  const describe = useCallback(
    (gridId: string) =>
      t('dashboard.hover', {
        name: nameByGrid.get(gridId) ?? '',
        value:
          formatFigure(valueByGrid.get(gridId) ?? null, filters.metric, i18n.language) ??
          t('dashboard.noFigure'),
      }),
    [t, nameByGrid, valueByGrid, filters.metric, i18n.language],
  );

  return (
    <section
      className="grid-map command-map"
      data-testid="grid-map"
      data-grid-count={drawnCount}
      data-case-count={points.length}
      data-case-markers={drawnCaseMarkers}
      aria-label={t('map.mapLabel')}
    >
      <MapContainer
        center={mapConfig.center}
        zoom={mapConfig.zoom}
        preferCanvas
        className="grid-map-canvas"
        zoomSnap={0.25}
        attributionControl={mapConfig.tileUrl !== null}
      >
        {mapConfig.tileUrl && <TileLayer url={mapConfig.tileUrl} attribution={mapConfig.tileAttribution} />}
        <SharedCanvas>
          {(renderer) => (
            <>
              <ChoroplethLayer
                renderer={renderer}
                features={features}
                colorOf={fillOf}
                describe={describe}
                selectedGridId={props.selectedGridId}
                onSelect={props.onSelectGrid}
                isVisible
                onDrawnCountChange={setDrawnCount}
              />
              <CaseClusterLayer
                renderer={renderer}
                points={points}
                isVisible={layers.has('cases')}
                onSelectCase={props.onSelectCase}
                onDrawnChange={setDrawnCaseMarkers}
              />
            </>
          )}
        </SharedCanvas>
        <VillageOutlineLayer features={features} isVisible={layers.has('villages')} />
        <FitToBox box={props.fitBox} />
      </MapContainer>
      {/* Bottom left, one above the other: the grid panel opens on the right. */}
      <div className="map-legends">
        {layers.has('cases') && <CaseMarkerLegend />}
        {isColoured && (
          <MapLegend scale={scale} window={{ from: filters.from, to: filters.to }} status={figuresStatus} />
        )}
      </div>
    </section>
  );
}
