import type { Position } from '@gridgov/shared';
import type { LatLngTuple } from 'leaflet';
import { CircleMarker, Polyline, useMapEvents } from 'react-leaflet';

type Props = { line: readonly Position[]; onPoint: (position: Position) => void };

/** Our own line tool for splitting: each map click adds a point; the page confirms the cut. */
export function SplitLineDrawer({ line, onPoint }: Props) {
  useMapEvents({
    click: (event) => onPoint([event.latlng.lng, event.latlng.lat]),
  });
  const positions = line.map(([lon, lat]) => [lat, lon] as LatLngTuple);
  return (
    <>
      {positions.length > 1 && (
        <Polyline
          positions={positions}
          pathOptions={{ color: '#b91c1c', weight: 3, dashArray: '6 4', interactive: false }}
        />
      )}
      {positions.map((p, i) => (
        <CircleMarker
          // Points are only appended or removed from the end, so the index is a stable key.
          key={i}
          center={p}
          radius={5}
          pathOptions={{ color: '#b91c1c', fillColor: '#fff', fillOpacity: 1, weight: 2, interactive: false }}
        />
      ))}
    </>
  );
}
