import { polyline } from 'leaflet';
import { useEffect, useMemo } from 'react';
import { useMap } from 'react-leaflet';
import type { GridFeature } from '../api/get-grids-geojson';
import { buildVillageOutlines } from '../utils/village-outlines';
import { usePaneRenderer } from './choropleth-layer';

const OUTLINE_STYLE = { color: '#0f172a', weight: 2.5, opacity: 0.9, interactive: false };

/** Village boundaries over the grid colours, derived from the grids (one polyline, one canvas). */
export function VillageOutlineLayer({
  features,
  isVisible,
}: {
  features: readonly GridFeature[];
  isVisible: boolean;
}) {
  const map = useMap();
  const renderer = usePaneRenderer('villages', 410, { isInteractive: false });
  const lines = useMemo(() => buildVillageOutlines(features), [features]);

  useEffect(() => {
    if (!isVisible || lines.length === 0) return;
    const layer = polyline(lines, { ...OUTLINE_STYLE, renderer }).addTo(map);
    return () => {
      layer.remove();
    };
  }, [lines, isVisible, renderer, map]);

  return null;
}
