import type { LatLngTuple } from 'leaflet';

/** Vertices closer than this (about 1 cm) are the same point: neighbours share their edge vertices. */
const PRECISION = 1e7;

const keyOf = ([lon, lat]: readonly number[]) =>
  `${Math.round(lon! * PRECISION)},${Math.round(lat! * PRECISION)}`;

/**
 * The village boundaries, from the grids alone: every grid edge except those shared by two grids of the
 * same village. Neighbouring grids share vertices (the boundary editor snaps them), so shared edges match
 * exactly; an unmatched edge is drawn, which at worst outlines a grid too.
 */
/** What the outlines need of a grid feature (kept structural so benchmarks can use it without the API). */
export interface OutlineSource {
  geometry: { coordinates: readonly (readonly (readonly number[])[])[] };
  properties: { village: { id: string } };
}

export function buildVillageOutlines(features: readonly OutlineSource[]): LatLngTuple[][] {
  const edges = new Map<string, { a: LatLngTuple; b: LatLngTuple; villages: Set<string>; count: number }>();
  for (const feature of features) {
    const villageId = feature.properties.village.id;
    for (const ring of feature.geometry.coordinates) {
      for (let i = 0; i + 1 < ring.length; i += 1) {
        const from = ring[i]!;
        const to = ring[i + 1]!;
        const [ka, kb] = [keyOf(from), keyOf(to)];
        if (ka === kb) continue;
        const key = ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`;
        const edge = edges.get(key);
        if (edge) {
          edge.villages.add(villageId);
          edge.count += 1;
        } else {
          edges.set(key, {
            a: [from[1]!, from[0]!],
            b: [to[1]!, to[0]!],
            villages: new Set([villageId]),
            count: 1,
          });
        }
      }
    }
  }
  const lines: LatLngTuple[][] = [];
  for (const edge of edges.values()) {
    const isInsideOneVillage = edge.count > 1 && edge.villages.size === 1;
    if (!isInsideOneVillage) lines.push([edge.a, edge.b]);
  }
  return lines;
}
