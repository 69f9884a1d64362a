import type { MapPoint } from '@gridgov/shared';
import { type CircleMarker, map as createMap, type Layer, type Map as LeafletMap, svg } from 'leaflet';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCaseClusterLayer } from './case-cluster-layer';

/** jsdom lays nothing out: give the map's element the size a browser would. */
function sizedElement(width: number, height: number): HTMLElement {
  const element = document.createElement('div');
  Object.defineProperty(element, 'clientWidth', { value: width });
  Object.defineProperty(element, 'clientHeight', { value: height });
  document.body.append(element);
  return element;
}

/** A lattice of cases 0.002° apart (≈ 200 m), every one in the 'reported' status. */
function lattice(columns: number, rows: number): MapPoint[] {
  const points: MapPoint[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      points.push([
        `c${r}-${c}`,
        110.3 + c * 0.002,
        21.8 + r * 0.002,
        'reported',
        0,
        (r + c) % 7 === 0 ? 1 : 0,
      ]);
    }
  }
  return points;
}

let map: LeafletMap;
beforeEach(() => {
  map = createMap(sizedElement(800, 600), { fadeAnimation: false, zoomAnimation: false });
});
afterEach(() => {
  map.remove();
  document.body.replaceChildren();
});

const layersOf = (group: { getLayers: () => Layer[] }) => new Set(group.getLayers());

describe('createCaseClusterLayer', () => {
  it('when the points are set, then the clusters and single cases around the view are drawn', () => {
    map.setView([21.85, 110.35], 16, { animate: false });
    const drawn: number[] = [];
    const layer = createCaseClusterLayer(map, { renderer: svg(), onRender: (n) => drawn.push(n) });
    layer.layer.addTo(map);
    layer.setPoints(lattice(50, 50));
    expect(layer.drawnCount()).toBeGreaterThan(0);
    expect(drawn.at(-1)).toBe(layer.drawnCount());
  });

  it('when the map is panned a little, then no marker is rebuilt, and a long pan keeps the markers still in reach', () => {
    map.setView([21.85, 110.35], 17, { animate: false });
    let rebuilds = 0;
    const layer = createCaseClusterLayer(map, { renderer: svg(), onRender: () => rebuilds++ });
    layer.layer.addTo(map);
    layer.setPoints(lattice(50, 50));
    const before = layersOf(layer.layer);
    const rebuildsBefore = rebuilds;

    map.panBy([40, 0], { animate: false });
    expect(rebuilds).toBe(rebuildsBefore);
    expect(layersOf(layer.layer)).toEqual(before);

    map.panBy([500, 0], { animate: false });
    const after = layersOf(layer.layer);
    const kept = [...after].filter((marker) => before.has(marker));
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(after.size);
    expect(rebuilds).toBe(rebuildsBefore + 1);
  });

  it('when the zoom changes, then the markers are rebuilt for the new zoom', () => {
    map.setView([21.85, 110.35], 13, { animate: false });
    const layer = createCaseClusterLayer(map, { renderer: svg() });
    layer.layer.addTo(map);
    layer.setPoints(lattice(50, 50));
    const atThirteen = layer.drawnCount();
    map.setZoom(17, { animate: false });
    expect(layer.drawnCount()).not.toBe(atThirteen);
  });

  it('when the layer is hidden and shown again, then it empties and is rebuilt', () => {
    map.setView([21.85, 110.35], 16, { animate: false });
    const layer = createCaseClusterLayer(map, { renderer: svg() });
    layer.layer.addTo(map);
    layer.setPoints(lattice(20, 20));
    const shown = layer.drawnCount();
    layer.layer.remove();
    layer.render();
    expect(layer.drawnCount()).toBe(0);
    layer.layer.addTo(map);
    layer.render();
    expect(layer.drawnCount()).toBe(shown);
  });

  it('when new points arrive, then every marker is new (the old index is gone)', () => {
    map.setView([21.85, 110.35], 16, { animate: false });
    const layer = createCaseClusterLayer(map, { renderer: svg() });
    layer.layer.addTo(map);
    layer.setPoints(lattice(20, 20));
    const before = layersOf(layer.layer);
    layer.setPoints(lattice(20, 20));
    expect([...layersOf(layer.layer)].some((marker) => before.has(marker))).toBe(false);
  });
});

describe('createCaseClusterLayer tooltips', () => {
  it('when the cluster description holds markup, then the badge tooltip shows it as text and creates no element from it', () => {
    const markup = '<img src=x onerror=alert(1)><b>粗体</b>';
    map.setView([21.85, 110.35], 13, { animate: false });
    const layer = createCaseClusterLayer(map, { renderer: svg(), describeCluster: () => markup });
    layer.layer.addTo(map);
    layer.setPoints(lattice(20, 20));
    const badge = layer.layer.getLayers().find((marker) => marker.getTooltip()) as CircleMarker | undefined;
    expect(badge).toBeDefined();
    badge!.openTooltip();

    const tooltip = map.getContainer().querySelector('.leaflet-tooltip');
    expect(tooltip!.textContent).toBe(markup);
    expect(tooltip!.querySelector('img, b')).toBeNull();
  });
});
