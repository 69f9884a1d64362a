import type { GridImportProblemDto, PolygonCoords } from '@gridgov/shared';
import type { LatLngTuple } from 'leaflet';
import { CircleMarker, Polygon, Tooltip } from 'react-leaflet';

export type PreviewFeature = { key: string; label: string; polygon: PolygonCoords };

const toLatLng = (polygon: PolygonCoords) =>
  polygon.map((ring) => ring.map(([lon, lat]) => [lat, lon] as LatLngTuple));

/** An import file's grids (dashed) and its problems: overlap and gap areas filled red, other problems as dots. */
export function ImportPreviewLayer({
  features,
  problems,
}: {
  features: readonly PreviewFeature[];
  problems: readonly GridImportProblemDto[];
}) {
  return (
    <>
      {features.map((f) => (
        <Polygon
          key={f.key}
          positions={toLatLng(f.polygon)}
          pathOptions={{
            color: '#1d4ed8',
            weight: 2,
            dashArray: '5 4',
            fillOpacity: 0.05,
            interactive: false,
          }}
        />
      ))}
      {problems.flatMap((problem, i) =>
        problem.areas.map((area, j) => (
          <Polygon
            key={`area-${i}-${j}`}
            positions={toLatLng(area)}
            pathOptions={{ color: '#b91c1c', weight: 2, fillColor: '#ef4444', fillOpacity: 0.55 }}
          >
            <Tooltip>{problem.message}</Tooltip>
          </Polygon>
        )),
      )}
      {problems.map((problem, i) =>
        problem.location && problem.areas.length === 0 ? (
          <CircleMarker
            key={`point-${i}`}
            center={[problem.location[1], problem.location[0]]}
            radius={7}
            pathOptions={{
              color: problem.severity === 'error' ? '#b91c1c' : '#b45309',
              fillColor: problem.severity === 'error' ? '#ef4444' : '#f59e0b',
              fillOpacity: 0.9,
            }}
          >
            <Tooltip>{problem.message}</Tooltip>
          </CircleMarker>
        ) : null,
      )}
    </>
  );
}
