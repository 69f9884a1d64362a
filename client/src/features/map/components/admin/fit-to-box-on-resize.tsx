import type { BBox } from '@gridgov/shared';
import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import { toLatLngBounds } from '../../utils/geometry';

const FIT_PADDING: [number, number] = [24, 24];
const FIT_MAX_ZOOM = 18;

/**
 * Fits the box when it changes and again whenever the map's container changes size (the side panel and the
 * phone layout settle after the map is created), so the grid being edited or cut always fills the map.
 */
export function FitToBoxOnResize({ box }: { box: BBox | null }) {
  const map = useMap();
  const boxKey = box?.join(',') ?? '';

  useEffect(() => {
    if (!box) return;
    const fit = () => {
      map.invalidateSize();
      map.fitBounds(toLatLngBounds(box), { padding: FIT_PADDING, maxZoom: FIT_MAX_ZOOM, animate: false });
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(map.getContainer());
    return () => observer.disconnect();
  }, [map, boxKey]);

  return null;
}
