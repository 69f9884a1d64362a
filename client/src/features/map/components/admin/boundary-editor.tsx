import '@geoman-io/leaflet-geoman-free';
import '@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.css';
import type { PolygonCoords } from '@gridgov/shared';
import { polygon as leafletPolygon, svg } from 'leaflet';
import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import type { GridFeature } from '../../api/get-grids-geojson';
import { toLatLngRings } from '../../utils/geometry';

type Props = { feature: GridFeature; onChange: (polygon: PolygonCoords) => void };

/**
 * Leaflet-Geoman vertex editing of one grid. The edited ring goes up on every change; the server decides
 * whether it is acceptable (valid ring, no overlap), so Geoman's own checks are only a convenience.
 */
export function BoundaryEditor({ feature, onChange }: Props) {
  const map = useMap();
  useEffect(() => {
    // SVG for the edited shape: Geoman's vertex handles sit on it more reliably than on the shared canvas.
    const layer = leafletPolygon(toLatLngRings(feature.geometry), {
      color: '#c2410c',
      weight: 3,
      fillOpacity: 0.25,
      renderer: svg(),
    }).addTo(map);
    layer.pm.enable({ allowSelfIntersection: false, snappable: true });
    const emit = () => {
      const geometry = layer.toGeoJSON().geometry;
      if (geometry.type === 'Polygon') onChange(geometry.coordinates as PolygonCoords);
    };
    layer.on('pm:edit', emit);
    return () => {
      layer.off('pm:edit', emit);
      layer.pm.disable();
      layer.remove();
    };
  }, [map, feature, onChange]);
  return null;
}
