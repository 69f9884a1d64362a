// Imperative Leaflet: every grid as one polygon on a shared renderer, recoloured in place when the metric or
// the figures change (no re-creation), so 2,000 grids restyle in one canvas redraw.
import { type LatLngTuple, type LayerGroup, layerGroup, type Polygon, polygon, type Renderer } from 'leaflet';
import { createTextContent } from './text-content';

export interface GridShape {
  id: string;
  rings: LatLngTuple[][];
}

const BASE = { weight: 1, color: '#475569', opacity: 0.8, fillOpacity: 0.72 };
const SELECTED = { weight: 3, color: '#1e3a8a', opacity: 1, fillOpacity: 0.85 };

export interface GridChoroplethLayer {
  layer: LayerGroup;
  setColors: (colorOf: (gridId: string) => string) => void;
  setSelected: (gridId: string | null) => void;
  /** Bounds of one grid, to bring a selected grid into view. */
  boundsOf: (gridId: string) => ReturnType<Polygon['getBounds']> | null;
  count: number;
}

export function createGridChoroplethLayer(
  shapes: readonly GridShape[],
  options: {
    renderer: Renderer;
    onSelect?: (gridId: string) => void;
    /**
     * Hover text (grid name and figure); called when the tooltip opens, so it is always current. Shown
     * as text, never as HTML (grid names are typed by people).
     */
    describe?: (gridId: string) => string;
  },
): GridChoroplethLayer {
  const group = layerGroup();
  const polygons = new Map<string, Polygon>();
  let selectedId: string | null = null;
  let colorOf: (gridId: string) => string = () => '#cbd5e1';
  for (const shape of shapes) {
    const layer = polygon(shape.rings, { ...BASE, fillColor: colorOf(shape.id), renderer: options.renderer });
    if (options.onSelect) {
      const onSelect = options.onSelect;
      layer.on('click', () => onSelect(shape.id));
    }
    if (options.describe) {
      const describe = options.describe;
      layer.bindTooltip(() => createTextContent(describe(shape.id)), {
        sticky: true,
        className: 'grid-hover',
        direction: 'top',
      });
    }
    polygons.set(shape.id, layer);
    group.addLayer(layer);
  }
  const styleOf = (gridId: string) => ({
    ...(gridId === selectedId ? SELECTED : BASE),
    fillColor: colorOf(gridId),
  });
  return {
    layer: group,
    count: polygons.size,
    setColors: (next) => {
      colorOf = next;
      for (const [gridId, layer] of polygons) layer.setStyle(styleOf(gridId));
    },
    setSelected: (gridId) => {
      const previous = selectedId;
      selectedId = gridId;
      if (previous) polygons.get(previous)?.setStyle(styleOf(previous));
      const layer = gridId ? polygons.get(gridId) : undefined;
      if (layer && gridId) {
        layer.setStyle(styleOf(gridId));
      }
    },
    boundsOf: (gridId) => polygons.get(gridId)?.getBounds() ?? null,
  };
}
