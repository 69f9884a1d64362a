// Imperative Leaflet: cases clustered with supercluster; only the clusters and points in and around the
// view exist as layers, updated when the view settles beyond what was built. Clusters and points are all circle markers on one renderer (on a
// canvas the cluster's count is painted in the circle): hundreds of DOM badges made every view change
// a long task (bench/map-render.ts, docs/benchmarks.md).
import type { MapPoint } from '@gridgov/shared';
import {
  CircleMarker,
  type CircleMarkerOptions,
  circleMarker,
  type LatLngBounds,
  type Layer,
  type LayerGroup,
  type Map as LeafletMap,
  layerGroup,
  type Renderer,
} from 'leaflet';
import Supercluster from 'supercluster';
import {
  CLUSTER_COLOR,
  CLUSTER_OVERDUE_COLOR,
  ESCALATED_RING_COLOR,
  OVERDUE_COLOR,
  STATUS_COLORS,
} from '../utils/status-colors';
import { createTextContent } from './text-content';

interface PointProps {
  id: string;
  status: MapPoint[3];
  escalated: number;
  overdue: number;
}
interface ClusterProps {
  escalated: number;
  overdue: number;
}

export interface CaseClusterLayer {
  layer: LayerGroup;
  setPoints: (points: readonly MapPoint[]) => void;
  /** Rebuild the layers for the current view (after a `moveend` only when the view left what was built). */
  render: () => void;
  detach: () => void;
  /** Layers drawn now (clusters + single points). */
  drawnCount: () => number;
}

const CLUSTER_RADIUS_PX = 60;
const CLUSTER_MAX_ZOOM = 17;

function clusterRadius(count: number): number {
  return count < 10 ? 13 : count < 100 ? 16 : count < 1000 ? 19 : 22;
}

/** Internals of Leaflet's canvas renderer that a circle with a label needs (Leaflet 1.9). */
interface CanvasInternals {
  _renderer: { _ctx?: CanvasRenderingContext2D };
  _point: { x: number; y: number };
  _empty: () => boolean;
}

/** A circle marker that also writes its label in the middle when drawn on a canvas. */
class LabelledCircleMarker extends CircleMarker {
  constructor(
    latlng: [number, number],
    private readonly label: string,
    options: CircleMarkerOptions,
  ) {
    super(latlng, options);
  }

  _updatePath(): void {
    (CircleMarker.prototype as unknown as { _updatePath: () => void })._updatePath.call(this);
    const self = this as unknown as CanvasInternals;
    const ctx = self._renderer._ctx;
    if (!ctx || self._empty()) return;
    ctx.save();
    ctx.fillStyle = '#ffffff';
    ctx.font = 'bold 12px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(this.label, self._point.x, self._point.y + 0.5);
    ctx.restore();
  }
}

/**
 * How far beyond the view clusters are built, as a fraction of the view (the canvas renderer draws the
 * same margin): a pan that stays inside it redraws nothing of ours, and a longer one only adds and
 * removes the markers that changed.
 */
const BUILD_PADDING = 0.5;

export function createCaseClusterLayer(
  map: LeafletMap,
  options: {
    renderer: Renderer;
    onSelectCase?: (caseId: string) => void;
    /** Accessible name of a cluster badge, e.g. "12 cases, 3 overdue" (shown as text, never as HTML). */
    describeCluster?: (count: number, overdue: number) => string;
    /** Called after each rebuild with the number of clusters and points drawn. */
    onRender?: (drawn: number) => void;
  },
): CaseClusterLayer {
  const group = layerGroup();
  let index: Supercluster<PointProps, ClusterProps> | null = null;
  /** Markers on the map by what they show; a marker whose key recurs after a move is kept as it is. */
  let markers = new Map<string, Layer>();
  /** Zoom and extent the markers were built for; null when they must be rebuilt whatever the view. */
  let built: { zoom: number; bounds: LatLngBounds } | null = null;

  function createMarker(
    currentIndex: Supercluster<PointProps, ClusterProps>,
    item: ReturnType<Supercluster<PointProps, ClusterProps>['getClusters']>[number],
  ): Layer {
    const [lon, lat] = item.geometry.coordinates as [number, number];
    const props = item.properties;
    if ('cluster' in props && props.cluster) {
      const count = props.point_count;
      const isHot = props.overdue > 0;
      const badge = new LabelledCircleMarker([lat, lon], String(props.point_count_abbreviated), {
        renderer: options.renderer,
        radius: clusterRadius(count),
        weight: 2,
        color: '#ffffff',
        fillColor: isHot ? CLUSTER_OVERDUE_COLOR : CLUSTER_COLOR,
        fillOpacity: 0.9,
        className: isHot ? 'case-cluster case-cluster-hot' : 'case-cluster',
      });
      if (options.describeCluster)
        badge.bindTooltip(createTextContent(options.describeCluster(count, props.overdue)));
      const clusterId = props.cluster_id;
      badge.on('click', () => {
        map.setView(
          [lat, lon],
          Math.min(currentIndex.getClusterExpansionZoom(clusterId), CLUSTER_MAX_ZOOM + 1),
        );
      });
      return badge;
    }
    const point = props as PointProps;
    const dot = circleMarker([lat, lon], {
      renderer: options.renderer,
      radius: point.escalated ? 8 : 6,
      weight: point.escalated ? 3 : 1.5,
      color: point.overdue ? OVERDUE_COLOR : point.escalated ? ESCALATED_RING_COLOR : '#ffffff',
      fillColor: STATUS_COLORS[point.status],
      fillOpacity: 0.95,
    });
    if (options.onSelectCase) {
      const onSelectCase = options.onSelectCase;
      dot.on('click', () => onSelectCase(point.id));
    }
    return dot;
  }

  function clear() {
    group.clearLayers();
    markers = new Map();
    built = null;
  }

  function render() {
    if (!index || !map.hasLayer(group)) {
      clear();
      options.onRender?.(0);
      return;
    }
    const zoom = Math.round(map.getZoom());
    const view = map.getBounds();
    if (built && built.zoom === zoom && built.bounds.contains(view)) return;
    const bounds = view.pad(BUILD_PADDING);
    const items = index.getClusters(
      [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()],
      zoom,
    );
    // A single case keeps its marker across zooms; a cluster is known by its id (which encodes the
    // zoom), size, overdue count and place. A new index (setPoints) starts from nothing.
    const next = new Map<string, Layer>();
    for (const item of items) {
      const props = item.properties;
      const [lon, lat] = item.geometry.coordinates as [number, number];
      const key =
        'cluster' in props && props.cluster
          ? `c${props.cluster_id}:${props.point_count}:${props.overdue}:${lon}:${lat}`
          : `p${(props as PointProps).id}`;
      const existing = markers.get(key);
      if (existing) {
        next.set(key, existing);
        markers.delete(key);
      } else {
        const marker = createMarker(index, item);
        next.set(key, marker);
        group.addLayer(marker);
      }
    }
    for (const stale of markers.values()) group.removeLayer(stale);
    markers = next;
    built = { zoom, bounds };
    options.onRender?.(items.length);
  }

  map.on('moveend', render);
  return {
    layer: group,
    setPoints: (points) => {
      index = new Supercluster<PointProps, ClusterProps>({
        radius: CLUSTER_RADIUS_PX,
        maxZoom: CLUSTER_MAX_ZOOM,
        map: (p) => ({ escalated: p.escalated, overdue: p.overdue }),
        reduce: (acc, p) => {
          acc.escalated += p.escalated;
          acc.overdue += p.overdue;
        },
      });
      index.load(
        points.map(([id, lon, lat, status, escalated, overdue]) => ({
          type: 'Feature' as const,
          geometry: { type: 'Point' as const, coordinates: [lon, lat] },
          properties: { id, status, escalated, overdue },
        })),
      );
      clear();
      render();
    },
    render: () => {
      built = null;
      render();
    },
    detach: () => {
      map.off('moveend', render);
      clear();
    },
    drawnCount: () => group.getLayers().length,
  };
}
