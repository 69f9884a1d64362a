import type { CaseSummary, Me } from '@gridgov/shared';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetCsrfToken } from '@/lib/api-client';
import { browserLocation } from '@/lib/browser-location';
import { buildCaseSummary } from '@/testing/case.fixture';
import { errorResponse, jsonResponse, listRequests, mockFetch } from '@/testing/mock-fetch';
import { buildRegionTree } from '@/testing/region-tree.fixture';
import { AppProvider } from './provider';
import { routes } from './router';

function buildMe(overrides: Partial<Me> = {}): Me {
  return {
    id: 'u1',
    username: 'leader',
    name: '陈镇长',
    roles: ['town_leader'],
    scope: { level: 'town', regionIds: ['t1'], gridIds: ['g1', 'g2', 'g3'], homeGridId: null, bbox: null },
    mustChangePassword: false,
    ...overrides,
  };
}

/** The real provider (query defaults, 401 handling) and route table, in a memory router. */
function renderApp(initialEntry: string) {
  const router = createMemoryRouter(routes, { initialEntries: [initialEntry] });
  render(
    <AppProvider>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return router;
}

const currentUrl = (router: ReturnType<typeof renderApp>) =>
  `${router.state.location.pathname}${router.state.location.search}`;

describe('app shell', () => {
  // Warm the lazy route modules once, so the first test does not race a cold transform.
  beforeAll(async () => {
    await Promise.all([import('./routes/login'), import('./routes/hierarchy'), import('./routes/tasks')]);
  });
  beforeEach(() => resetCsrfToken());

  it('when nobody is signed in, then a protected page redirects to login with a back-link', async () => {
    mockFetch({ 'GET /api/me': () => errorResponse(401, 'unauthenticated') });
    const router = renderApp('/hierarchy?view=staff');

    expect(await screen.findByRole('button', { name: '登录' })).toBeInTheDocument();
    expect(currentUrl(router)).toBe('/login?next=%2Fhierarchy%3Fview%3Dstaff');
  });

  it('when a town leader is signed in, then the header shows their name, role and the full navigation', async () => {
    mockFetch({
      'GET /api/me': () => jsonResponse(buildMe()),
      'GET /api/regions/tree': () => jsonResponse(buildRegionTree()),
    });
    renderApp('/hierarchy');

    const banner = await screen.findByRole('banner');
    expect(within(banner).getByText('陈镇长')).toBeInTheDocument();
    expect(within(banner).getByText('镇领导')).toBeInTheDocument();
    const nav = within(banner).getByRole('navigation', { name: '主导航' });
    expect(within(nav).getByRole('link', { name: '网格地图' })).toBeInTheDocument();
    expect(within(nav).getByRole('link', { name: '组织架构' })).toHaveAttribute('aria-current', 'page');
    expect(await screen.findByRole('heading', { name: '石角镇' })).toBeInTheDocument();
  });

  it('when a town leader opens 系统管理, then the administration pages they may read are listed, and Escape closes it', async () => {
    mockFetch({
      'GET /api/me': () => jsonResponse(buildMe()),
      'GET /api/regions/tree': () => jsonResponse(buildRegionTree()),
    });
    renderApp('/hierarchy');
    const user = userEvent.setup();
    const nav = within(await screen.findByRole('navigation', { name: '主导航' }));
    const menuButton = nav.getByRole('button', { name: '系统管理' });
    const menu = nav.getByRole('list', { hidden: true, name: '系统管理' });
    expect(menuButton).toHaveAttribute('aria-expanded', 'false');

    await user.click(menuButton);

    expect(menuButton).toHaveAttribute('aria-expanded', 'true');
    expect(menu).toHaveAttribute('data-open', 'true');
    expect(
      within(menu)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['人员管理', '工作日历']);
    await user.keyboard('{Escape}');
    expect(menuButton).toHaveAttribute('aria-expanded', 'false');
    expect(menuButton).toHaveFocus();
  });

  it('when a grid worker is signed in, then reporting, their work with its count, and the case list are in the navigation', async () => {
    const dispatched = buildCaseSummary({ id: 'c-new', number: '2026-000042', description: '路灯不亮' });
    const section = (key: string, items: CaseSummary[] = []) => ({
      key,
      count: items.length,
      items,
      listQuery: null,
    });
    mockFetch({
      'GET /api/me': () => jsonResponse(buildMe({ roles: ['grid_worker'], name: '张伟' })),
      'GET /api/inbox/counts': () => jsonResponse({ total: 1, counts: { dispatched_to_me: 1, rework: 0 } }),
      'GET /api/inbox': () =>
        jsonResponse({
          total: 1,
          sections: [
            section('rework'),
            section('dispatched_to_me', [dispatched]),
            section('in_progress_mine'),
            section('due_mine'),
          ],
        }),
    });
    renderApp('/tasks');

    const nav = within(await screen.findByRole('navigation', { name: '主导航' }));
    const work = nav.getByRole('link', { name: /^我的待办/ });
    expect(work).toHaveAttribute('aria-current', 'page');
    await waitFor(() => expect(work).toHaveAccessibleName('我的待办1 件待办'));
    expect(nav.getByRole('link', { name: '事件上报' })).toHaveAttribute('href', '/cases/new');
    expect(nav.getByRole('link', { name: '事件列表' })).toHaveAttribute('href', '/cases');
    expect(await screen.findByText('共 1 件事等您处理')).toBeInTheDocument();
    const newly = screen.getByRole('region', { name: /新派给我/ });
    expect(within(newly).getByRole('link', { name: '2026-000042' })).toHaveAttribute('href', '/cases/c-new');
    expect(within(newly).getByText('路灯不亮')).toBeInTheDocument();
    expect(screen.getByTestId('inbox-count-rework')).toHaveTextContent('0');
    // No leader's sections for someone who leads nothing.
    expect(screen.queryByRole('region', { name: /待受理/ })).toBeNull();
  });

  it('when a grid worker is signed in, then the organisation page is neither offered nor shown', async () => {
    mockFetch({ 'GET /api/me': () => jsonResponse(buildMe({ roles: ['grid_worker'], name: '张伟' })) });
    renderApp('/hierarchy');

    expect(await screen.findByRole('heading', { name: '无访问权限' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: '组织架构' })).not.toBeInTheDocument();
  });

  it('when the session expires mid-visit (401), then the user is sent to login with a back-link', async () => {
    mockFetch({
      'GET /api/me': () => jsonResponse(buildMe()),
      'GET /api/regions/tree': () => errorResponse(401, 'unauthenticated'),
    });
    const router = renderApp('/hierarchy');

    expect(await screen.findByRole('button', { name: '登录' })).toBeInTheDocument();
    expect(currentUrl(router)).toBe('/login?next=%2Fhierarchy');
  });

  it('when the user signs out, then the logout is posted with the CSRF token and the login page is loaded afresh', async () => {
    const replaceLocation = vi.spyOn(browserLocation, 'replace').mockImplementation(() => undefined);
    const fetchMock = mockFetch({
      'GET /api/me': () => jsonResponse(buildMe()),
      'GET /api/regions/tree': () => jsonResponse(buildRegionTree()),
      'GET /api/auth/csrf': () => jsonResponse({ token: 'tok' }),
      'POST /api/auth/logout': () => new Response(null, { status: 204 }),
    });
    renderApp('/hierarchy');
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: '退出登录' }));

    await waitFor(() => expect(replaceLocation).toHaveBeenCalledWith('/login'));
    const logout = listRequests(fetchMock).find((request) => request.path === '/api/auth/logout');
    expect(logout?.headers.get('X-CSRF-Token')).toBe('tok');
  });

  it('when writes wait in the outbox, then signing out asks first, and declining keeps the session and the writes', async () => {
    localStorage.setItem('gridgov.outbox.count', '2');
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    try {
      const fetchMock = mockFetch({
        'GET /api/me': () => jsonResponse(buildMe()),
        'GET /api/regions/tree': () => jsonResponse(buildRegionTree()),
      });
      renderApp('/hierarchy');
      const user = userEvent.setup();

      await user.click(await screen.findByRole('button', { name: '退出登录' }));

      expect(confirm).toHaveBeenCalledWith('本机还有 2 条记录未上传，退出登录会删除它们。仍要退出吗？');
      expect(listRequests(fetchMock).some((request) => request.path === '/api/auth/logout')).toBe(false);
      expect(localStorage.getItem('gridgov.outbox.count')).toBe('2');
    } finally {
      confirm.mockRestore();
      localStorage.removeItem('gridgov.outbox.count');
    }
  });

  it('when the address matches no page, then a localized not-found page is shown', async () => {
    mockFetch({ 'GET /api/me': () => jsonResponse(buildMe()) });
    renderApp('/no-such-page');

    expect(await screen.findByRole('heading', { name: '页面不存在' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '返回首页' })).toHaveAttribute('href', '/');
  });
});
