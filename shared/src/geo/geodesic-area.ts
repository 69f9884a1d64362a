import type { PolygonCoords, Ring } from './types';

/** WGS84 semi-major axis; the sphere d3-geo and turf use for their `area`. */
export const EARTH_RADIUS_M = 6378137;

const RADIANS = Math.PI / 180;

/**
 * Signed spherical excess (steradians) of a ring with great-circle edges, the way d3-geo's `geoArea`
 * sums it: each edge contributes the signed area of the triangle it forms with the south pole.
 */
function measureRingExcess(ring: Ring): number {
  const first = ring[0];
  if (first === undefined || ring.length < 3) return 0;
  let sum = 0;
  let lambda0 = first[0] * RADIANS;
  // d3 works with half the angular distance from the south pole, which keeps atan2 well conditioned.
  const halfColatitude0 = (first[1] * RADIANS) / 2 + Math.PI / 4;
  let cosPhi0 = Math.cos(halfColatitude0);
  let sinPhi0 = Math.sin(halfColatitude0);
  for (let i = 1; i <= ring.length; i += 1) {
    // Index ring.length wraps to the first position, so open rings are closed implicitly.
    const [lon, lat] = ring[i % ring.length]!;
    const lambda = lon * RADIANS;
    const halfColatitude = (lat * RADIANS) / 2 + Math.PI / 4;
    const dLambda = lambda - lambda0;
    const direction = dLambda >= 0 ? 1 : -1;
    const absDLambda = direction * dLambda;
    const cosPhi = Math.cos(halfColatitude);
    const sinPhi = Math.sin(halfColatitude);
    const k = sinPhi0 * sinPhi;
    sum += Math.atan2(k * direction * Math.sin(absDLambda), cosPhi0 * cosPhi + k * Math.cos(absDLambda));
    lambda0 = lambda;
    cosPhi0 = cosPhi;
    sinPhi0 = sinPhi;
  }
  return 2 * sum;
}

/**
 * Area in m² on a sphere of radius 6378137 m: outer ring minus holes, whatever their winding.
 * Rings are assumed smaller than a hemisphere, which every administrative boundary is.
 */
export function geodesicAreaSqm(polygon: PolygonCoords): number {
  let area = 0;
  polygon.forEach((ring, index) => {
    const ringArea = Math.abs(measureRingExcess(ring)) * EARTH_RADIUS_M * EARTH_RADIUS_M;
    area += index === 0 ? ringArea : -ringArea;
  });
  return Math.abs(area);
}
