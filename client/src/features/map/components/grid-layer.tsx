import type { FeatureGroup as LeafletFeatureGroup } from 'leaflet';
import { useEffect, useRef, useState } from 'react';
import { FeatureGroup, useMap, useMapEvents } from 'react-leaflet';
import type { GridFeature } from '../api/get-grids-geojson';
import { GridPolygon } from './grid-polygon';

/** Below this zoom the names overlap into noise; the village colours carry the map instead. */
export const LABEL_MIN_ZOOM = 13;

type GridLayerProps = {
  features: readonly GridFeature[];
  selectedGridId: string | null;
  onSelect: (gridId: string) => void;
  onDrawnCountChange: (count: number) => void;
};

export function GridLayer({ features, selectedGridId, onSelect, onDrawnCountChange }: GridLayerProps) {
  const groupRef = useRef<LeafletFeatureGroup>(null);
  const map = useMap();
  const [zoom, setZoom] = useState(() => map.getZoom());
  useMapEvents({ zoomend: () => setZoom(map.getZoom()) });
  const isLabelled = zoom >= LABEL_MIN_ZOOM;

  // Children add their layers in their own effects, which run before this one: the count is what is drawn.
  useEffect(() => {
    onDrawnCountChange(groupRef.current?.getLayers().length ?? 0);
  }, [features, onDrawnCountChange]);

  return (
    <FeatureGroup ref={groupRef}>
      {features.map((feature) => (
        <GridPolygon
          key={feature.id}
          feature={feature}
          isSelected={feature.id === selectedGridId}
          isLabelled={isLabelled}
          onSelect={onSelect}
        />
      ))}
    </FeatureGroup>
  );
}
