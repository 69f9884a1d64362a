import 'fake-indexeddb/auto';
import type { LonLat } from '@gridgov/shared';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetCsrfToken } from '@/lib/api-client';
import { clearOfflineData } from '@/lib/offline-caches';
import { listOutboxItems } from '@/lib/outbox/outbox';
import { buildCaseDetail, buildCaseSummary, buildCategories, buildMe, IDS } from '@/testing/case.fixture';
import { buildClientConfig } from '@/testing/client-config.fixture';
import { jsonResponse, listRequests, type MockRequest, mockFetch } from '@/testing/mock-fetch';
import { renderRoutes } from '@/testing/render-route';
import { ReportCaseRoute } from './report-case';

// Sending the outbox is the outbox's own tests' business; here only what the form queues.
vi.mock('@/lib/outbox/outbox-sync', () => ({ startOutboxSync: vi.fn() }));

const PIN: LonLat = { lon: 113.005, lat: 23.005 };

// Leaflet cannot draw in jsdom; a stand-in that drops a pin when pressed.
vi.mock('@/features/map/components/location-picker', () => ({
  LocationPicker: ({ onPick }: { onPick: (location: LonLat) => void }) => (
    <button type="button" onClick={() => onPick(PIN)}>
      stub map: drop pin
    </button>
  ),
}));

const SQUARE: [number, number][] = [
  [113, 23],
  [113.01, 23],
  [113.01, 23.01],
  [113, 23.01],
  [113, 23],
];

const GRIDS_GEOJSON = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      id: IDS.grid1,
      geometry: { type: 'Polygon', coordinates: [SQUARE] },
      properties: {
        id: IDS.grid1,
        code: 'SJ-01-01',
        name: '石角第一网格',
        village: { id: IDS.village1, code: '441802102001', name: '石角村' },
        worker: null,
        leader: null,
        households: null,
        population: null,
      },
    },
  ],
};

type Handler = (request: MockRequest) => Response | Promise<Response>;

function renderReportForm(routes: Record<string, Handler> = {}) {
  const fetchMock = mockFetch({
    'GET /api/me': () => jsonResponse(buildMe()),
    'GET /api/categories': () => jsonResponse({ items: buildCategories() }),
    'GET /api/config': () => jsonResponse(buildClientConfig()),
    'GET /api/grids.geojson': () => jsonResponse(GRIDS_GEOJSON),
    'GET /api/cases/nearby': () => jsonResponse({ items: [] }),
    'GET /api/auth/csrf': () => jsonResponse({ token: 'tok' }),
    ...routes,
  });
  const view = renderRoutes(
    [
      { path: '/cases/new', Component: ReportCaseRoute },
      { path: '/cases/:id', element: <p>case page</p> },
      { path: '/outbox', element: <p>outbox page</p> },
    ],
    { initialEntry: '/cases/new' },
  );
  return { fetchMock, ...view };
}

async function describeStreetLight() {
  const user = userEvent.setup();
  await user.selectOptions(await screen.findByLabelText('事件类型'), '路灯损坏');
  await user.type(screen.getByLabelText('事件描述'), '村口路灯不亮已三天');
  return user;
}

const postedCases = (fetchMock: ReturnType<typeof mockFetch>) =>
  listRequests(fetchMock).filter((request) => request.method === 'POST' && request.path === '/api/cases');

describe('report form', () => {
  beforeEach(async () => {
    resetCsrfToken();
    await clearOfflineData();
  });

  it('when neither a location nor a grid is given, then nothing is sent and the location is asked for', async () => {
    const { fetchMock } = renderReportForm();
    const user = await describeStreetLight();

    await user.click(screen.getByRole('button', { name: '提交上报' }));

    expect(await screen.findByText('请在地图上选点、使用我的位置，或选择所属网格')).toBeInTheDocument();
    expect(screen.getByLabelText('所属网格')).toHaveAttribute('aria-invalid', 'true');
    expect(postedCases(fetchMock)).toHaveLength(0);
  });

  it('when the first attempt fails on the network, then the report waits in the outbox under the same Idempotency-Key', async () => {
    const { fetchMock, router } = renderReportForm({
      'POST /api/cases': () => {
        throw new TypeError('Failed to fetch');
      },
    });
    const user = await describeStreetLight();
    await user.selectOptions(screen.getByLabelText('所属网格'), 'SJ-01-01 石角第一网格');

    await user.click(screen.getByRole('button', { name: '提交上报' }));

    expect(await screen.findByText('outbox page')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/outbox');
    const [first] = postedCases(fetchMock);
    const [queued] = await listOutboxItems();
    expect(queued?.id).toBe(first?.headers.get('Idempotency-Key'));
    expect(queued).toMatchObject({
      kind: 'report',
      path: '/api/cases',
      state: 'waiting',
      body: {
        categoryCode: 'safety.light',
        description: '村口路灯不亮已三天',
        gridId: IDS.grid1,
        priority: 'low',
      },
    });
  });

  it('when the phone is offline, then submitting queues the report without trying the network', async () => {
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    try {
      const { fetchMock } = renderReportForm();
      const user = await describeStreetLight();
      await user.selectOptions(screen.getByLabelText('所属网格'), 'SJ-01-01 石角第一网格');

      await user.click(screen.getByRole('button', { name: '提交上报' }));

      expect(await screen.findByText('outbox page')).toBeInTheDocument();
      expect(postedCases(fetchMock)).toHaveLength(0);
      expect((await listOutboxItems()).map((item) => item.label)).toEqual(['村口路灯不亮已三天']);
    } finally {
      onLine.mockRestore();
    }
  });

  it('when the form is left half typed, then opening it again offers the draft back', async () => {
    const first = renderReportForm();
    const user = await describeStreetLight();
    // The draft is saved half a second after the last keystroke.
    await new Promise((resolve) => setTimeout(resolve, 800));
    first.unmount();

    renderReportForm();
    await user.click(await screen.findByRole('button', { name: '继续填写' }));

    expect(screen.getByLabelText('事件描述')).toHaveValue('村口路灯不亮已三天');
    expect(screen.getByLabelText('事件类型')).toHaveValue('safety.light');
  });

  it('when open cases of the same category are nearby, then they are listed and the report waits for "continue"', async () => {
    const nearby = buildCaseSummary({ status: 'dispatched' });
    const { fetchMock } = renderReportForm({
      'GET /api/cases/nearby': () => jsonResponse({ items: [nearby] }),
      'POST /api/cases': () => jsonResponse(buildCaseDetail({ id: IDS.case2 }), { status: 201 }),
    });
    const user = await describeStreetLight();

    await user.click(await screen.findByRole('button', { name: 'stub map: drop pin' }));

    const notice = within(await screen.findByRole('region', { name: '附近可能已有相同的事件' }));
    expect(notice.getByRole('link', { name: nearby.number })).toHaveAttribute('href', `/cases/${nearby.id}`);
    expect(screen.getByLabelText('所属网格')).toHaveValue(IDS.grid1);
    const nearbyQuery = listRequests(fetchMock).find((request) => request.path === '/api/cases/nearby');
    expect(Object.fromEntries(nearbyQuery?.url.searchParams ?? [])).toEqual({
      categoryCode: 'safety.light',
      lon: String(PIN.lon),
      lat: String(PIN.lat),
    });

    await user.click(screen.getByRole('button', { name: '提交上报' }));
    expect(await notice.findByRole('alert')).toHaveTextContent('附近已有相似事件');
    expect(postedCases(fetchMock)).toHaveLength(0);
    // The warning sits above the button, off screen on a phone: it takes the focus (and so the view).
    expect(screen.getByRole('region', { name: '附近可能已有相同的事件' })).toHaveFocus();

    await user.click(notice.getByRole('button', { name: '不是同一事件，仍然上报' }));
    expect(await screen.findByText('case page')).toBeInTheDocument();
    expect(postedCases(fetchMock)[0]?.body).toMatchObject({ location: PIN, gridId: IDS.grid1 });
  });

  it('when the report is created, then the case page is opened with its number for the success notice', async () => {
    const created = buildCaseDetail({ id: IDS.case2, number: '2026-001421', status: 'reported' });
    const { router } = renderReportForm({
      'POST /api/cases': () => jsonResponse(created, { status: 201 }),
    });
    const user = await describeStreetLight();
    await user.selectOptions(screen.getByLabelText('所属网格'), 'SJ-01-01 石角第一网格');

    await user.click(screen.getByRole('button', { name: '提交上报' }));

    expect(await screen.findByText('case page')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/cases/${IDS.case2}`);
    expect(router.state.location.state).toEqual({ reported: { number: '2026-001421' } });
  });

  it('when the description is longer than 2,000 characters, then the counter says by how much and nothing is sent', async () => {
    const { fetchMock } = renderReportForm();
    const user = userEvent.setup();
    await user.selectOptions(await screen.findByLabelText('事件类型'), '路灯损坏');
    await user.selectOptions(screen.getByLabelText('所属网格'), 'SJ-01-01 石角第一网格');
    const description = screen.getByLabelText('事件描述');

    // A paste is not cut short: all of it stays in the field, and the counter shows the excess.
    await user.click(description);
    await user.paste('路'.repeat(1980));
    expect(description).toHaveAccessibleDescription('1,980/2,000');
    await user.paste('灯'.repeat(30));

    expect(description).toHaveValue('路'.repeat(1980) + '灯'.repeat(30));
    expect(description).toHaveAttribute('aria-invalid', 'true');
    expect(description).toHaveAccessibleDescription('2,010/2,000，超出 10 字，请删减');
    await user.click(screen.getByRole('button', { name: '提交上报' }));
    expect(await screen.findByText('事件描述最多 2,000 字，请删减后再提交')).toBeInTheDocument();
    expect(postedCases(fetchMock)).toHaveLength(0);
  });
});
