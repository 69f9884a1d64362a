import polygonClipping from 'polygon-clipping';
import { geodesicAreaSqm } from './geodesic-area';
import { orientPolygon } from './ring';
import type { PolygonCoords } from './types';

/** Area in m² of the interior both polygons cover; polygons that only share edges or vertices give 0. */
export function polygonOverlapAreaSqm(a: PolygonCoords, b: PolygonCoords): number {
  const pieces = polygonClipping.intersection(a, b);
  return pieces.reduce((sum, piece) => sum + geodesicAreaSqm(piece), 0);
}

/** Merges the polygons; the result has one entry per disjoint piece, wound as RFC 7946 asks. */
export function unionPolygons(list: PolygonCoords[]): PolygonCoords[] {
  const [first, ...rest] = list;
  if (first === undefined) return [];
  return polygonClipping.union(first, ...rest).map(orientPolygon);
}

/** The pieces both polygons cover, wound as RFC 7946 asks. */
export function intersectPolygons(a: PolygonCoords, b: PolygonCoords): PolygonCoords[] {
  return polygonClipping.intersection(a, b).map(orientPolygon);
}

/** What is left of `subject` after removing every clip polygon, as disjoint pieces. */
export function subtractPolygons(subject: PolygonCoords, clips: PolygonCoords[]): PolygonCoords[] {
  if (clips.length === 0) return [orientPolygon(subject)];
  return polygonClipping.difference(subject, ...clips).map(orientPolygon);
}
