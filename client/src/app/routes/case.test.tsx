import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { buildCaseDetail, buildCategories, buildUpload, IDS } from '@/testing/case.fixture';
import { buildClientConfig } from '@/testing/client-config.fixture';
import { errorResponse, jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderRoutes } from '@/testing/render-route';
import { CaseRoute } from './case';

// Leaflet cannot draw in jsdom; the stand-in shows what the map was given.
vi.mock('@/features/map/components/case-location-map', () => ({
  CaseLocationMap: ({ boundary }: { boundary: unknown }) => (
    <p>stub map {boundary ? 'with grid outline' : 'pin only'}</p>
  ),
}));

const photo = buildUpload();
const detail = buildCaseDetail({
  status: 'in_progress',
  isEscalated: true,
  escalation: {
    note: '请今天内处理完毕',
    at: '2025-06-02T02:00:00.000Z',
    by: { id: 'x', name: '陈镇长', phone: '' },
  },
  category: { code: 'env.garbage', name: '垃圾堆放', nameEn: 'Dumped rubbish' },
  extra: { kinds: ['food', 'bulky'], volume: 3 },
  onBehalfOf: { name: '李大爷', phone: '13900000009' },
  photos: [{ id: photo.id, url: photo.url, thumbUrl: photo.thumbUrl }],
  allowedActions: ['feedback'],
});

function renderCasePage(state: unknown = null) {
  mockFetch({
    [`GET /api/cases/${IDS.case1}`]: () => jsonResponse(detail),
    'GET /api/categories': () => jsonResponse({ items: buildCategories() }),
    'GET /api/config': () => jsonResponse(buildClientConfig()),
    [`GET /api/grids/${IDS.grid1}`]: () => errorResponse(403, 'forbidden'),
  });
  return renderRoutes([{ path: '/cases/:id', Component: CaseRoute }], {
    initialEntry: { pathname: `/cases/${IDS.case1}`, state },
  });
}

describe('case page', () => {
  it('when a case loads, then its status, escalation, details and history are shown', async () => {
    renderCasePage();

    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('SJ-20250601-0001');
    expect(screen.getByTestId('case-status')).toHaveAttribute('data-status', 'in_progress');
    expect(screen.getByTestId('case-status')).toHaveTextContent('处置中');
    expect(screen.getByRole('note')).toHaveTextContent('请今天内处理完毕');
    expect(await screen.findByText('厨余、大件')).toBeInTheDocument();
    expect(screen.getByText('垃圾种类')).toBeInTheDocument();
    expect(screen.getByText('李大爷')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /现场照片 第 1 张/ })).toHaveAttribute('href', photo.url);

    const timeline = within(screen.getByRole('list', { name: '处理过程' }));
    const events = timeline.getAllByRole('listitem');
    expect(events.map((item) => item.querySelector('.timeline-action')?.textContent)).toEqual([
      '上报',
      '受理立案',
    ]);
    expect(events[1]).toHaveTextContent('待受理 → 已立案');
    expect(screen.getByRole('button', { name: '提交反馈' })).toBeInTheDocument();
  });

  it('when the grid outline cannot be loaded, then the map still shows the pin', async () => {
    renderCasePage();

    expect(await screen.findByText('stub map pin only')).toBeInTheDocument();
  });

  it('when the page opens right after a report, then a focused notice says it was sent, with its number linking to it', async () => {
    const { router } = renderCasePage({ reported: { number: '2026-001421' } });
    const user = userEvent.setup();

    const notice = await screen.findByRole('status', { name: '上报成功' });
    expect(notice).toHaveFocus();
    // Once only: the state is gone, so a reload would show the plain case page.
    expect(router.state.location.state).toBeNull();
    expect(router.state.location.pathname).toBe(`/cases/${IDS.case1}`);
    expect(within(notice).getByRole('link', { name: '2026-001421' })).toHaveAttribute(
      'href',
      `/cases/${IDS.case1}`,
    );
    expect(within(notice).getByRole('link', { name: '再报一件' })).toHaveAttribute('href', '/cases/new');

    await user.click(within(notice).getByRole('button', { name: '知道了' }));
    expect(screen.queryByRole('status', { name: '上报成功' })).not.toBeInTheDocument();
  });

  it('when a case page is opened any other way, then there is no success notice', async () => {
    renderCasePage();

    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByRole('status', { name: '上报成功' })).not.toBeInTheDocument();
  });
});
