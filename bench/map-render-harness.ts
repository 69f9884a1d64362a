/// <reference lib="dom" />
// Browser side of bench/map-render.ts: the command map's own Leaflet layers (grids coloured on one
// renderer, village outlines, clustered case points), built from data handed over as JSON text.
import type { MapPoint } from '@gridgov/shared';
import { canvas, map as createMap, polyline, svg } from 'leaflet';
import { createCaseClusterLayer } from '../client/src/features/map/lib/case-cluster-layer';
import { createGridChoroplethLayer } from '../client/src/features/map/lib/grid-choropleth-layer';
import { CANVAS_PADDING } from '../client/src/features/map/utils/canvas-padding';
import { BURDEN_COLORS } from '../client/src/features/map/utils/choropleth-scale';
import { buildVillageOutlines, type OutlineSource } from '../client/src/features/map/utils/village-outlines';

interface BenchInput {
  kind: 'canvas' | 'svg';
  /** JSON text of { grids, points }, as a fetch would hand it over. */
  payload: string;
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));

async function render({ kind, payload }: BenchInput) {
  const element = document.getElementById('map')!;
  const started = performance.now();
  const { grids, points } = JSON.parse(payload) as {
    grids: (OutlineSource & { id: string; geometry: { coordinates: [number, number][][] } })[];
    points: MapPoint[];
  };
  const map = createMap(element, { preferCanvas: kind === 'canvas', zoomSnap: 0.25 });
  const makeRenderer = (pane: string, z: number) => {
    map.createPane(pane).style.zIndex = String(z);
    return kind === 'canvas'
      ? canvas({
          pane,
          padding: (window as unknown as { benchPadding?: number }).benchPadding ?? CANVAS_PADDING,
          tolerance: 3,
        })
      : svg({ pane });
  };
  let minLon = 180;
  let minLat = 90;
  let maxLon = -180;
  let maxLat = -90;
  for (const grid of grids) {
    for (const [lon, lat] of grid.geometry.coordinates[0]!) {
      minLon = Math.min(minLon, lon!);
      maxLon = Math.max(maxLon, lon!);
      minLat = Math.min(minLat, lat!);
      maxLat = Math.max(maxLat, lat!);
    }
  }
  map.fitBounds([
    [minLat, minLon],
    [maxLat, maxLon],
  ]);
  const shapes = grids.map((g) => ({
    id: g.id,
    rings: g.geometry.coordinates.map((ring) => ring.map(([lon, lat]) => [lat!, lon!] as [number, number])),
  }));
  // As the command map: grids and case markers share one renderer (one canvas takes the clicks for both).
  const shared = makeRenderer('grids', 400);
  const gridLayer = createGridChoroplethLayer(shapes, {
    renderer: shared,
    onSelect: () => {},
    describe: (id) => id,
  });
  gridLayer.setColors((id) => BURDEN_COLORS[id.charCodeAt(id.length - 1) % BURDEN_COLORS.length]!);
  gridLayer.layer.addTo(map);
  polyline(buildVillageOutlines(grids), {
    renderer: makeRenderer('villages', 410),
    weight: 2.5,
    interactive: false,
  }).addTo(map);
  const cases = createCaseClusterLayer(map, { renderer: shared, onSelectCase: () => {} });
  cases.layer.addTo(map);
  cases.setPoints(points);
  // Drawn: canvas renderers paint on the next animation frame; one more frame for the browser to present it.
  await nextFrame();
  await nextFrame();
  const renderMs = performance.now() - started;
  Object.assign(window, {
    zoomInBy: (levels: number) => map.setZoom(map.getZoom() + levels, { animate: false }),
  });
  return { renderMs, drawnCaseLayers: cases.drawnCount(), zoom: map.getZoom() };
}

const longTasks: number[] = [];
let watcher: PerformanceObserver | null = null;
/** Starts (or restarts, emptied) the record of long tasks. */
function startLongTaskWatch() {
  longTasks.length = 0;
  if (watcher) return;
  watcher = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.duration);
  });
  watcher.observe({ entryTypes: ['longtask'] });
}

Object.assign(window, {
  benchRender: render,
  startLongTaskWatch,
  readLongTasks: () => [...longTasks],
});
