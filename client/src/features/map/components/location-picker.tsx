import 'leaflet/dist/leaflet.css';
import type { BBox, ClientConfig, LonLat } from '@gridgov/shared';
import { canvas } from 'leaflet';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CircleMarker, MapContainer, TileLayer, useMap, useMapEvents } from 'react-leaflet';
import type { GridFeature } from '../api/get-grids-geojson';
import { computeBBox, toLatLngBounds } from '../utils/geometry';
import { FitToBox } from './fit-to-box';
import { PlainGrids } from './plain-grids';
import { TownMapControls } from './town-map-controls';

const PIN_STYLE = { color: '#fff', weight: 3, fillColor: '#c2410c', fillOpacity: 1 };
const FOLLOW_MIN_ZOOM = 16;

type LocationPickerProps = {
  mapConfig: ClientConfig['map'];
  features: readonly GridFeature[];
  location: LonLat | null;
  /** The grid chosen in the form: outlined, and framed when there is no pin yet. */
  gridId: string | null;
  onPick: (location: LonLat) => void;
  /** Framed once on load: the home grid or the user's scope. */
  initialBox: BBox | null;
};

function PickOnTap({ onPick }: { onPick: (location: LonLat) => void }) {
  // The latest handler without re-binding the map listener on every render.
  const onPickRef = useRef(onPick);
  onPickRef.current = onPick;
  useMapEvents({ click: (event) => onPickRef.current({ lon: event.latlng.lng, lat: event.latlng.lat }) });
  return null;
}

/** A pin set from outside the map (the device position) may be off screen: bring it into view. */
function FollowPin({ location }: { location: LonLat | null }) {
  const map = useMap();
  useEffect(() => {
    if (!location) return;
    const point: [number, number] = [location.lat, location.lon];
    if (!map.getBounds().contains(point)) map.setView(point, Math.max(map.getZoom(), FOLLOW_MIN_ZOOM));
  }, [map, location]);
  return null;
}

function FrameGrid({ feature, hasPin }: { feature: GridFeature | undefined; hasPin: boolean }) {
  const map = useMap();
  useEffect(() => {
    if (!feature || hasPin) return;
    const box = computeBBox([feature.geometry]);
    if (box) map.fitBounds(toLatLngBounds(box), { padding: [16, 16], maxZoom: 17 });
    // Only when the chosen grid changes; placing or clearing a pin must not move the map.
  }, [map, feature]);
  return null;
}

/** Tap to drop a pin; the grids are drawn as a backdrop so people can see where the boundaries run. */
export function LocationPicker({
  mapConfig,
  features,
  location,
  gridId,
  onPick,
  initialBox,
}: LocationPickerProps) {
  const { t } = useTranslation();
  const [renderer] = useState(() => canvas({ padding: 0.5 }));
  const [firstBox] = useState(initialBox);

  return (
    <section className="location-picker" aria-label={t('map.pickerLabel')} data-testid="location-picker">
      <MapContainer
        center={mapConfig.center}
        zoom={mapConfig.zoom}
        preferCanvas
        renderer={renderer}
        className="location-picker-canvas"
        scrollWheelZoom={false}
        zoomSnap={0.25}
        attributionControl={false}
        zoomControl={false}
      >
        {mapConfig.tileUrl && <TileLayer url={mapConfig.tileUrl} attribution={mapConfig.tileAttribution} />}
        <PlainGrids features={features} highlightId={gridId} />
        {location && (
          <CircleMarker
            center={[location.lat, location.lon]}
            radius={9}
            pathOptions={PIN_STYLE}
            interactive={false}
          />
        )}
        <PickOnTap onPick={onPick} />
        <FitToBox box={firstBox} />
        <FrameGrid feature={features.find((feature) => feature.id === gridId)} hasPin={location !== null} />
        <FollowPin location={location} />
        <TownMapControls hasTiles={mapConfig.tileUrl !== null} />
      </MapContainer>
    </section>
  );
}
