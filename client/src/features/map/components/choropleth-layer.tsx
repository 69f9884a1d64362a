import { canvas, type Renderer, svg } from 'leaflet';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useMap } from 'react-leaflet';
import type { GridFeature } from '../api/get-grids-geojson';
import { createGridChoroplethLayer, type GridChoroplethLayer } from '../lib/grid-choropleth-layer';
import { CANVAS_PADDING } from '../utils/canvas-padding';
import { toLatLngRings } from '../utils/geometry';

export const GRID_PANE = 'grids';
const SELECTION_PADDING: [number, number] = [48, 48];

type ChoroplethLayerProps = {
  features: readonly GridFeature[];
  colorOf: (gridId: string) => string;
  describe: (gridId: string) => string;
  selectedGridId: string | null;
  onSelect: (gridId: string) => void;
  isVisible: boolean;
  onDrawnCountChange: (count: number) => void;
  /** Shared with the case markers (see usePaneRenderer). */
  renderer: Renderer;
};

/**
 * A pane (created once) with its own renderer. A canvas receives every pointer event over its whole area,
 * so interactive layers must share one canvas (grids and cases do); a pane of non-interactive layers lets
 * events through (`isInteractive: false`).
 */
export function usePaneRenderer(
  name: string,
  zIndex: number,
  { kind = 'canvas', isInteractive = true }: { kind?: 'canvas' | 'svg'; isInteractive?: boolean } = {},
): Renderer {
  const map = useMap();
  const [renderer] = useState(() => {
    if (!map.getPane(name)) {
      const pane = map.createPane(name);
      pane.style.zIndex = String(zIndex);
      if (!isInteractive) pane.style.pointerEvents = 'none';
    }
    return kind === 'canvas'
      ? canvas({ pane: name, padding: CANVAS_PADDING, tolerance: 3 })
      : svg({ pane: name });
  });
  return renderer;
}

/** Grids coloured by the chosen figure; hover names the grid and its figure; click selects it. */
export function ChoroplethLayer(props: ChoroplethLayerProps) {
  const { features, colorOf, describe, selectedGridId, onSelect, isVisible, onDrawnCountChange, renderer } =
    props;
  const map = useMap();
  const describeRef = useRef(describe);
  describeRef.current = describe;
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const [layer, setLayer] = useState<GridChoroplethLayer | null>(null);
  const shapes = useMemo(
    () => features.map((feature) => ({ id: feature.id, rings: toLatLngRings(feature.geometry) })),
    [features],
  );

  useEffect(() => {
    const created = createGridChoroplethLayer(shapes, {
      renderer,
      onSelect: (gridId) => onSelectRef.current(gridId),
      describe: (gridId) => describeRef.current(gridId),
    });
    setLayer(created);
    onDrawnCountChange(created.count);
    return () => {
      created.layer.remove();
      setLayer(null);
    };
  }, [shapes, renderer, onDrawnCountChange]);

  useEffect(() => {
    if (!layer) return;
    if (isVisible) layer.layer.addTo(map);
    else layer.layer.remove();
  }, [layer, isVisible, map]);

  useEffect(() => layer?.setColors(colorOf), [layer, colorOf]);

  useEffect(() => {
    if (!layer) return;
    layer.setSelected(selectedGridId);
    const bounds = selectedGridId ? layer.boundsOf(selectedGridId) : null;
    // A grid picked from the list may be off screen: bring it into view without zooming in.
    if (bounds && !map.getBounds().contains(bounds)) {
      map.fitBounds(bounds, { padding: SELECTION_PADDING, maxZoom: map.getZoom() });
    }
  }, [layer, selectedGridId, map]);

  return null;
}
