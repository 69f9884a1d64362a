import type { PathOptions } from 'leaflet';
import { useMemo } from 'react';
import { Polygon } from 'react-leaflet';
import type { GridFeature } from '../api/get-grids-geojson';
import { toLatLngRings } from '../utils/geometry';
import { pickVillageColor } from '../utils/village-colors';

const HIGHLIGHT: PathOptions = { color: '#c2410c', weight: 3, fillOpacity: 0.15, opacity: 1 };

/** Grids as a non-interactive backdrop: taps fall through to the map (to drop a pin there). */
export function PlainGrids({
  features,
  highlightId,
}: {
  features: readonly GridFeature[];
  highlightId: string | null;
}) {
  return features.map((feature) => (
    <PlainGrid key={feature.id} feature={feature} isHighlighted={feature.id === highlightId} />
  ));
}

function PlainGrid({ feature, isHighlighted }: { feature: GridFeature; isHighlighted: boolean }) {
  const positions = useMemo(() => toLatLngRings(feature.geometry), [feature.geometry]);
  const pathOptions = useMemo<PathOptions>(
    () =>
      isHighlighted
        ? { ...HIGHLIGHT, fillColor: pickVillageColor(feature.properties.village.code) }
        : {
            color: '#34495e',
            weight: 1,
            opacity: 0.6,
            fillColor: pickVillageColor(feature.properties.village.code),
            fillOpacity: 0.3,
          },
    [isHighlighted, feature.properties.village.code],
  );
  return <Polygon positions={positions} pathOptions={pathOptions} interactive={false} />;
}
