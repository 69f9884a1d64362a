import type { MapPoint } from '@gridgov/shared';
import type { Renderer } from 'leaflet';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMap } from 'react-leaflet';
import { type CaseClusterLayer as ClusterLayer, createCaseClusterLayer } from '../lib/case-cluster-layer';

type CaseClusterLayerProps = {
  points: readonly MapPoint[];
  isVisible: boolean;
  onSelectCase: (caseId: string) => void;
  /** Clusters and single cases drawn in the current view. */
  onDrawnChange?: (drawn: number) => void;
  /** The grids' canvas: one canvas takes the clicks for both (see usePaneRenderer). */
  renderer: Renderer;
};

/** Cases as clusters that split as you zoom in; a single case is a dot in its status colour. */
export function CaseClusterLayer({
  points,
  isVisible,
  onSelectCase,
  onDrawnChange,
  renderer,
}: CaseClusterLayerProps) {
  const map = useMap();
  const { t } = useTranslation();
  const [layer, setLayer] = useState<ClusterLayer | null>(null);
  const onSelectRef = useRef(onSelectCase);
  onSelectRef.current = onSelectCase;
  const onDrawnRef = useRef(onDrawnChange);
  onDrawnRef.current = onDrawnChange;
  const tRef = useRef(t);
  tRef.current = t;

  useEffect(() => {
    const created = createCaseClusterLayer(map, {
      renderer,
      onSelectCase: (caseId) => onSelectRef.current(caseId),
      describeCluster: (count, overdue) => tRef.current('dashboard.clusterLabel', { count, overdue }),
      onRender: (drawn) => onDrawnRef.current?.(drawn),
    });
    setLayer(created);
    return () => {
      created.detach();
      created.layer.remove();
    };
  }, [map, renderer]);

  useEffect(() => {
    if (!layer) return;
    if (isVisible) layer.layer.addTo(map);
    else layer.layer.remove();
    layer.render();
  }, [layer, isVisible, map]);

  useEffect(() => layer?.setPoints(points), [layer, points]);

  return null;
}
