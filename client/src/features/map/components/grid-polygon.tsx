import type { Polygon as LeafletPolygon, PathOptions } from 'leaflet';
import { memo, useEffect, useMemo, useRef } from 'react';
import { Polygon, Tooltip, useMap } from 'react-leaflet';
import type { GridFeature } from '../api/get-grids-geojson';
import { toLatLngRings } from '../utils/geometry';
import { pickVillageColor } from '../utils/village-colors';

const SELECTED_OUTLINE = '#c2410c';
const SELECTION_PADDING: [number, number] = [48, 48];

type GridPolygonProps = {
  feature: GridFeature;
  isSelected: boolean;
  isLabelled: boolean;
  onSelect: (gridId: string) => void;
};

function styleGrid(villageCode: string, isSelected: boolean): PathOptions {
  const fillColor = pickVillageColor(villageCode);
  return isSelected
    ? { color: SELECTED_OUTLINE, weight: 3, fillColor, fillOpacity: 0.7, opacity: 1 }
    : { color: '#34495e', weight: 1, fillColor, fillOpacity: 0.45, opacity: 0.7 };
}

/** One grid; memoised because the map redraws all 85 on every selection otherwise. */
export const GridPolygon = memo(function GridPolygon({
  feature,
  isSelected,
  isLabelled,
  onSelect,
}: GridPolygonProps) {
  const map = useMap();
  const layerRef = useRef<LeafletPolygon>(null);
  const { id, name, village } = feature.properties;
  const positions = useMemo(() => toLatLngRings(feature.geometry), [feature.geometry]);
  const pathOptions = useMemo(() => styleGrid(village.code, isSelected), [village.code, isSelected]);
  const eventHandlers = useMemo(() => ({ click: () => onSelect(id) }), [id, onSelect]);

  useEffect(() => {
    const layer = layerRef.current;
    if (!isSelected || !layer) return;
    layer.bringToFront();
    // A grid picked from the list may be off screen; bring it into view without zooming in.
    const bounds = layer.getBounds();
    if (!map.getBounds().contains(bounds)) {
      map.fitBounds(bounds, { padding: SELECTION_PADDING, maxZoom: map.getZoom() });
    }
  }, [isSelected, map]);

  return (
    <Polygon ref={layerRef} positions={positions} pathOptions={pathOptions} eventHandlers={eventHandlers}>
      {isLabelled && (
        <Tooltip permanent direction="center" className="grid-label" interactive={false}>
          {name}
        </Tooltip>
      )}
    </Polygon>
  );
});
