// Imperative Leaflet: cases clustered with supercluster; only the clusters and points in view exist as
// layers, rebuilt when the view settles. Points are circle markers on the shared (canvas) renderer; clusters
// are small DOM badges with their count.
import type { MapPoint } from '@gridgov/shared';
import {
  circleMarker,
  divIcon,
  type LayerGroup,
  type Map as LeafletMap,
  layerGroup,
  marker,
  type Renderer,
} from 'leaflet';
import Supercluster from 'supercluster';
import { OVERDUE_COLOR, STATUS_COLORS } from '../utils/status-colors';

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
  /** Rebuild the layers for the current view (also done on every `moveend` while attached). */
  render: () => void;
  detach: () => void;
  /** Layers drawn now (clusters + single points). */
  drawnCount: () => number;
}

const CLUSTER_RADIUS_PX = 60;
const CLUSTER_MAX_ZOOM = 17;

function clusterSize(count: number): number {
  return count < 10 ? 28 : count < 100 ? 34 : count < 1000 ? 40 : 46;
}

export function createCaseClusterLayer(
  map: LeafletMap,
  options: {
    renderer: Renderer;
    onSelectCase?: (caseId: string) => void;
    /** Accessible name of a cluster badge, e.g. "12 cases, 3 overdue". */
    describeCluster?: (count: number, overdue: number) => string;
  },
): CaseClusterLayer {
  const group = layerGroup();
  let index: Supercluster<PointProps, ClusterProps> | null = null;

  function render() {
    group.clearLayers();
    if (!index || !map.hasLayer(group)) return;
    const bounds = map.getBounds().pad(0.1);
    const zoom = Math.round(map.getZoom());
    const items = index.getClusters(
      [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()],
      zoom,
    );
    for (const item of items) {
      const [lon, lat] = item.geometry.coordinates as [number, number];
      const props = item.properties;
      if ('cluster' in props && props.cluster) {
        const count = props.point_count;
        const size = clusterSize(count);
        const isHot = props.overdue > 0;
        const label = options.describeCluster?.(count, props.overdue) ?? String(count);
        const badge = marker([lat, lon], {
          icon: divIcon({
            className: `case-cluster${isHot ? ' case-cluster-hot' : ''}`,
            html: `<span>${props.point_count_abbreviated}</span>`,
            iconSize: [size, size],
          }),
          title: label,
          alt: label,
          keyboard: false,
        });
        const clusterId = props.cluster_id;
        const currentIndex = index;
        badge.on('click', () => {
          map.setView(
            [lat, lon],
            Math.min(currentIndex.getClusterExpansionZoom(clusterId), CLUSTER_MAX_ZOOM + 1),
          );
        });
        group.addLayer(badge);
      } else {
        const point = props as PointProps;
        const dot = circleMarker([lat, lon], {
          renderer: options.renderer,
          radius: point.escalated ? 8 : 6,
          weight: point.escalated ? 3 : 1.5,
          color: point.overdue ? OVERDUE_COLOR : point.escalated ? '#111827' : '#ffffff',
          fillColor: STATUS_COLORS[point.status],
          fillOpacity: 0.95,
        });
        if (options.onSelectCase) {
          const onSelectCase = options.onSelectCase;
          dot.on('click', () => onSelectCase(point.id));
        }
        group.addLayer(dot);
      }
    }
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
      render();
    },
    render,
    detach: () => {
      map.off('moveend', render);
      group.clearLayers();
    },
    drawnCount: () => group.getLayers().length,
  };
}
