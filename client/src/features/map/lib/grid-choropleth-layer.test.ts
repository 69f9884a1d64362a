import i18next from 'i18next';
import { map as createMap, type Map as LeafletMap, type Polygon, svg } from 'leaflet';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGridChoroplethLayer } from './grid-choropleth-layer';

const MARKUP = '<img src=x onerror=alert(1)><b>粗体</b>';

/** jsdom lays nothing out: give the map's element the size a browser would. */
function sizedElement(width: number, height: number): HTMLElement {
  const element = document.createElement('div');
  Object.defineProperty(element, 'clientWidth', { value: width });
  Object.defineProperty(element, 'clientHeight', { value: height });
  document.body.append(element);
  return element;
}

let map: LeafletMap;
beforeEach(() => {
  map = createMap(sizedElement(800, 600), { fadeAnimation: false, zoomAnimation: false });
  map.setView([21.85, 110.35], 15, { animate: false });
});
afterEach(() => {
  map.remove();
  document.body.replaceChildren();
});

const SQUARE = {
  id: 'g1',
  rings: [
    [
      [21.84, 110.34],
      [21.84, 110.36],
      [21.86, 110.36],
      [21.86, 110.34],
    ] as [number, number][],
  ],
};

describe('createGridChoroplethLayer', () => {
  it('when a grid name holds markup, then its hover tooltip shows the markup as text and creates no element from it', () => {
    // The app's i18n does not escape (React does that); the hover text is built the command map's way.
    const describeGrid = () => i18next.t('dashboard.hover', { name: MARKUP, value: '3' });
    expect(describeGrid()).toContain(MARKUP);
    const layer = createGridChoroplethLayer([SQUARE], { renderer: svg(), describe: describeGrid });
    layer.layer.addTo(map);
    const [polygon] = layer.layer.getLayers() as Polygon[];
    polygon!.openTooltip([21.85, 110.35]);

    const tooltip = map.getContainer().querySelector('.leaflet-tooltip.grid-hover');
    expect(tooltip).not.toBeNull();
    expect(tooltip!.textContent).toBe(describeGrid());
    expect(tooltip!.querySelector('img, b')).toBeNull();
  });
});
