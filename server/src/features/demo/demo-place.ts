import { type PolygonCoords, pointInPolygon } from '@gridgov/shared';

/** A point inside the grid's polygon: a demo case is reported where its grid is. */
export function pickPointIn(polygon: PolygonCoords, random: () => number): [number, number] {
  const ring = polygon[0]!;
  const lons = ring.map((p) => p[0]);
  const lats = ring.map((p) => p[1]);
  const [minLon, maxLon, minLat, maxLat] = [
    Math.min(...lons),
    Math.max(...lons),
    Math.min(...lats),
    Math.max(...lats),
  ];
  for (let i = 0; i < 50; i++) {
    const p: [number, number] = [
      minLon + random() * (maxLon - minLon),
      minLat + random() * (maxLat - minLat),
    ];
    if (pointInPolygon(p, polygon)) return [Number(p[0].toFixed(6)), Number(p[1].toFixed(6))];
  }
  return ring[0] as [number, number];
}
