import 'leaflet/dist/leaflet.css';
import type { BBox, ClientConfig, LonLat, PolygonGeometry } from '@gridgov/shared';
import { canvas } from 'leaflet';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CircleMarker, MapContainer, Polygon, TileLayer } from 'react-leaflet';
import { computeBBox, toLatLngRings } from '../utils/geometry';
import { FitToBox } from './fit-to-box';
import { TownMapControls } from './town-map-controls';

const PIN_STYLE = { color: '#fff', weight: 3, fillColor: '#c2410c', fillOpacity: 1 };
const OUTLINE_STYLE = { color: '#1d5fa8', weight: 2, fillColor: '#1d5fa8', fillOpacity: 0.08 };
/** About 100 m around a pin with no grid to frame. */
const PIN_MARGIN_DEG = 0.001;

type CaseLocationMapProps = {
  mapConfig: ClientConfig['map'];
  location: LonLat | null;
  /** The case grid's boundary, when it could be loaded. */
  boundary: PolygonGeometry | null;
};

function frameBox(location: LonLat | null, boundary: PolygonGeometry | null): BBox | null {
  const box = boundary ? computeBBox([boundary]) : null;
  if (!location) return box;
  const [minLon, minLat, maxLon, maxLat] = box ?? [
    location.lon - PIN_MARGIN_DEG,
    location.lat - PIN_MARGIN_DEG,
    location.lon + PIN_MARGIN_DEG,
    location.lat + PIN_MARGIN_DEG,
  ];
  return [
    Math.min(minLon, location.lon),
    Math.min(minLat, location.lat),
    Math.max(maxLon, location.lon),
    Math.max(maxLat, location.lat),
  ];
}

/** A small read-only map of a case: its pin and its grid's outline. */
export function CaseLocationMap({ mapConfig, location, boundary }: CaseLocationMapProps) {
  const { t } = useTranslation();
  const [renderer] = useState(() => canvas({ padding: 0.5 }));
  const positions = useMemo(() => (boundary ? toLatLngRings(boundary) : null), [boundary]);
  const box = useMemo(() => frameBox(location, boundary), [location, boundary]);

  return (
    <section className="case-map" aria-label={t('map.caseMapLabel')} data-testid="case-map">
      <MapContainer
        center={mapConfig.center}
        zoom={mapConfig.zoom}
        preferCanvas
        renderer={renderer}
        className="case-map-canvas"
        zoomSnap={0.25}
        scrollWheelZoom={false}
        attributionControl={false}
        zoomControl={false}
      >
        {mapConfig.tileUrl && <TileLayer url={mapConfig.tileUrl} attribution={mapConfig.tileAttribution} />}
        {positions && <Polygon positions={positions} pathOptions={OUTLINE_STYLE} interactive={false} />}
        {location && (
          <CircleMarker
            center={[location.lat, location.lon]}
            radius={8}
            pathOptions={PIN_STYLE}
            interactive={false}
          />
        )}
        <FitToBox box={box} />
        <TownMapControls hasTiles={mapConfig.tileUrl !== null} />
      </MapContainer>
    </section>
  );
}
