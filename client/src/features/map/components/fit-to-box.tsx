import type { BBox } from '@gridgov/shared';
import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import { toLatLngBounds } from '../utils/geometry';

const FIT_PADDING: [number, number] = [24, 24];
const FIT_MAX_ZOOM = 17;

/** Fits the view whenever the box changes by value (not on every re-render with an equal box). */
export function FitToBox({ box }: { box: BBox | null }) {
  const map = useMap();
  const boxKey = box?.join(',') ?? '';

  useEffect(() => {
    if (!box) return;
    map.fitBounds(toLatLngBounds(box), { padding: FIT_PADDING, maxZoom: FIT_MAX_ZOOM });
  }, [map, boxKey]);

  return null;
}
