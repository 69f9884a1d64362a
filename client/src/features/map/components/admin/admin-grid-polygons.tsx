import { memo, useMemo } from 'react';
import { Polygon, Tooltip } from 'react-leaflet';
import type { GridFeature } from '../../api/get-grids-geojson';
import { toLatLngRings } from '../../utils/geometry';
import { pickVillageColor } from '../../utils/village-colors';

type Props = {
  features: readonly GridFeature[];
  selectedGridId: string | null;
  onSelect: (gridId: string) => void;
  isInteractive: boolean;
  hiddenGridId: string | null;
};

const AdminGridPolygon = memo(function AdminGridPolygon({
  feature,
  isSelected,
  isInteractive,
  onSelect,
}: {
  feature: GridFeature;
  isSelected: boolean;
  isInteractive: boolean;
  onSelect: (gridId: string) => void;
}) {
  const positions = useMemo(() => toLatLngRings(feature.geometry), [feature.geometry]);
  const fillColor = pickVillageColor(feature.properties.village.code);
  const pathOptions = isSelected
    ? { color: '#c2410c', weight: 3, fillColor, fillOpacity: 0.65, opacity: 1, interactive: isInteractive }
    : { color: '#34495e', weight: 1, fillColor, fillOpacity: 0.4, opacity: 0.7, interactive: isInteractive };
  const eventHandlers = useMemo(() => ({ click: () => onSelect(feature.id) }), [feature.id, onSelect]);
  return (
    // The key makes Leaflet rebuild the path when interactivity changes (it is read at creation only).
    <Polygon
      key={String(isInteractive)}
      positions={positions}
      pathOptions={pathOptions}
      eventHandlers={eventHandlers}
    >
      {isSelected && (
        <Tooltip permanent direction="center" className="grid-label" interactive={false}>
          {feature.properties.name}
        </Tooltip>
      )}
    </Polygon>
  );
});

export function AdminGridPolygons({
  features,
  selectedGridId,
  onSelect,
  isInteractive,
  hiddenGridId,
}: Props) {
  return (
    <>
      {features
        .filter((f) => f.id !== hiddenGridId)
        .map((feature) => (
          <AdminGridPolygon
            key={feature.id}
            feature={feature}
            isSelected={feature.id === selectedGridId}
            isInteractive={isInteractive}
            onSelect={onSelect}
          />
        ))}
    </>
  );
}
