import 'leaflet/dist/leaflet.css';
import type { BBox, ClientConfig, GridImportProblemDto, PolygonCoords, Position } from '@gridgov/shared';
import { canvas } from 'leaflet';
import { useState } from 'react';
import { MapContainer, TileLayer } from 'react-leaflet';
import type { GridFeature } from '../../api/get-grids-geojson';
import { TownMapControls } from '../town-map-controls';
import { AdminGridPolygons } from './admin-grid-polygons';
import { BoundaryEditor } from './boundary-editor';
import { FitToBoxOnResize } from './fit-to-box-on-resize';
import { ImportPreviewLayer, type PreviewFeature } from './import-preview-layer';
import { SplitLineDrawer } from './split-line-drawer';

export type AdminMapMode = 'view' | 'edit' | 'split';

type AdminGridMapProps = {
  mapConfig: ClientConfig['map'];
  label: string;
  features: readonly GridFeature[];
  selectedGridId: string | null;
  onSelect: (gridId: string) => void;
  mode: AdminMapMode;
  /** Split mode: the line drawn so far, and a click on the map adds a point. */
  splitLine: readonly Position[];
  onSplitPoint: (position: Position) => void;
  /** Edit mode: the polygon as the admin reshapes it. */
  onBoundaryEdited: (polygon: PolygonCoords) => void;
  previewFeatures: readonly PreviewFeature[];
  problems: readonly GridImportProblemDto[];
  fitBox: BBox | null;
};

/** The administration map: grids, the boundary editor, the split line and an import's problems. No tiles needed. */
export function AdminGridMap(props: AdminGridMapProps) {
  const { mapConfig, features, selectedGridId, mode } = props;
  const [renderer] = useState(() => canvas({ padding: 0.5, tolerance: 4 }));
  const selected = features.find((f) => f.id === selectedGridId) ?? null;

  return (
    <section
      className="grid-map"
      data-testid="admin-grid-map"
      data-mode={mode}
      data-split-points={props.splitLine.length}
      data-fit-box={props.fitBox?.join(',') ?? ''}
      aria-label={props.label}
    >
      <MapContainer
        center={mapConfig.center}
        zoom={mapConfig.zoom}
        preferCanvas
        renderer={renderer}
        className="grid-map-canvas"
        zoomSnap={0.25}
        doubleClickZoom={mode !== 'split'}
        attributionControl={false}
        zoomControl={false}
      >
        {mapConfig.tileUrl && <TileLayer url={mapConfig.tileUrl} attribution={mapConfig.tileAttribution} />}
        <AdminGridPolygons
          features={features}
          selectedGridId={selectedGridId}
          onSelect={props.onSelect}
          // While drawing or editing, clicks belong to the tool, not to grid selection.
          isInteractive={mode === 'view'}
          hiddenGridId={mode === 'edit' ? selectedGridId : null}
        />
        {mode === 'edit' && selected && (
          <BoundaryEditor key={selected.id} feature={selected} onChange={props.onBoundaryEdited} />
        )}
        {mode === 'split' && <SplitLineDrawer line={props.splitLine} onPoint={props.onSplitPoint} />}
        <ImportPreviewLayer features={props.previewFeatures} problems={props.problems} />
        <FitToBoxOnResize box={props.fitBox} />
        <TownMapControls hasTiles={mapConfig.tileUrl !== null} />
      </MapContainer>
    </section>
  );
}
