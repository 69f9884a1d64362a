import { render, screen } from '@testing-library/react';
import { act } from 'react';
import { MapContainer } from 'react-leaflet';
import { afterEach, describe, expect, it } from 'vitest';
import { changeLanguage } from '@/lib/i18n';
import { TownMapControls } from './town-map-controls';

function renderMap() {
  return render(
    <MapContainer center={[30, 120]} zoom={14} zoomControl={false} attributionControl={false}>
      <TownMapControls hasTiles />
    </MapContainer>,
  );
}

afterEach(() => changeLanguage('zh-CN'));

describe('the map controls', () => {
  it('when the UI is Chinese, then the zoom buttons and the credit are Chinese, with no Leaflet English', () => {
    const { container } = renderMap();

    expect(screen.getByTitle('放大')).toBeTruthy();
    expect(screen.getByTitle('缩小')).toBeTruthy();
    expect(container.querySelector('.leaflet-control-attribution')?.textContent).toBe('地图引擎 Leaflet');
    expect(container.textContent).not.toMatch(/Zoom/);
    expect(container.querySelector('[title="Zoom in"]')).toBeNull();
  });

  it('when English is chosen, then the titles follow', async () => {
    renderMap();

    await act(() => changeLanguage('en'));

    expect(screen.getByTitle('Zoom in')).toBeTruthy();
    expect(screen.queryByTitle('放大')).toBeNull();
  });
});
