import type { PolygonCoords } from './types';

type LonLatBox = [minLon: number, minLat: number, maxLon: number, maxLat: number];

/** Throws on a polygon without positions: an empty box has no honest numeric value. */
export function bboxOfPolygon(polygon: PolygonCoords): LonLatBox {
  return bboxOfPolygons([polygon]);
}

export function bboxOfPolygons(list: PolygonCoords[]): LonLatBox {
  const box: LonLatBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of list) {
    for (const ring of polygon) {
      for (const [lon, lat] of ring) {
        box[0] = Math.min(box[0], lon);
        box[1] = Math.min(box[1], lat);
        box[2] = Math.max(box[2], lon);
        box[3] = Math.max(box[3], lat);
      }
    }
  }
  if (box[0] === Infinity) throw new RangeError('Cannot compute the bbox of a polygon without positions');
  return box;
}
