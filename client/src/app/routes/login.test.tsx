import type { Me } from '@gridgov/shared';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetCsrfToken } from '@/lib/api-client';
import { errorResponse, jsonResponse, listRequests, mockFetch } from '@/testing/mock-fetch';
import { renderRoutes } from '@/testing/render-route';
import { LoginRoute } from './login';

const TOWN_LEADER: Me = {
  id: 'u1',
  username: 'leader',
  name: '陈镇长',
  roles: ['town_leader'],
  scope: { level: 'town', regionIds: ['t1'], gridIds: [], homeGridId: null, bbox: null },
  mustChangePassword: false,
};

function renderLoginPage(initialEntry = '/login') {
  return renderRoutes(
    [
      { path: '/login', Component: LoginRoute },
      { path: '/', element: <p>home page</p> },
      { path: '/hierarchy', element: <p>hierarchy page</p> },
    ],
    { initialEntry },
  );
}

async function submitCredentials() {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText('用户名'), 'leader');
  await user.type(screen.getByLabelText('密码'), 'wrong-password');
  await user.click(screen.getByRole('button', { name: '登录' }));
}

describe('sign-in page', () => {
  beforeEach(() => resetCsrfToken());

  it('when sign-in is throttled (429), then the wait time from Retry-After is shown', async () => {
    mockFetch({
      'GET /api/me': () => errorResponse(401, 'unauthenticated'),
      'GET /api/auth/csrf': () => jsonResponse({ token: 'tok' }),
      'POST /api/auth/login': () =>
        errorResponse(429, 'too_many_requests', {
          message: 'Too many attempts',
          headers: { 'Retry-After': '60' },
        }),
    });
    renderLoginPage();

    await submitCredentials();

    expect(await screen.findByRole('alert')).toHaveTextContent('登录尝试过于频繁，请在 60 秒后重试');
  });

  it('when the throttle lasts longer than a minute and a half, then the wait is shown in minutes', async () => {
    mockFetch({
      'GET /api/me': () => errorResponse(401, 'unauthenticated'),
      'GET /api/auth/csrf': () => jsonResponse({ token: 'tok' }),
      'POST /api/auth/login': () =>
        errorResponse(429, 'too_many_requests', { headers: { 'Retry-After': '896' } }),
    });
    renderLoginPage();

    await submitCredentials();

    expect(await screen.findByRole('alert')).toHaveTextContent('登录尝试过于频繁，请在 15 分钟后重试');
  });

  it('when the credentials are wrong (401), then a bad-credentials message is shown and the page stays', async () => {
    mockFetch({
      'GET /api/me': () => errorResponse(401, 'unauthenticated'),
      'GET /api/auth/csrf': () => jsonResponse({ token: 'tok' }),
      'POST /api/auth/login': () => errorResponse(401, 'unauthenticated'),
    });
    const { router } = renderLoginPage();

    await submitCredentials();

    expect(await screen.findByRole('alert')).toHaveTextContent('用户名或密码错误');
    expect(router.state.location.pathname).toBe('/login');
  });

  it('when a field is empty, then no request is sent and the user is asked to fill it in', async () => {
    const fetchMock = mockFetch({ 'GET /api/me': () => errorResponse(401, 'unauthenticated') });
    renderLoginPage();
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: '登录' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('请输入用户名和密码');
    expect(listRequests(fetchMock).some((request) => request.method === 'POST')).toBe(false);
  });

  it('when sign-in succeeds, then the user lands on the ?next= page with the CSRF token sent', async () => {
    const fetchMock = mockFetch({
      'GET /api/me': () => errorResponse(401, 'unauthenticated'),
      'GET /api/auth/csrf': () => jsonResponse({ token: 'tok' }),
      'POST /api/auth/login': () => jsonResponse(TOWN_LEADER),
    });
    renderLoginPage('/login?next=%2Fhierarchy');

    await submitCredentials();

    expect(await screen.findByText('hierarchy page')).toBeInTheDocument();
    const login = listRequests(fetchMock).find((request) => request.path === '/api/auth/login');
    expect(login?.headers.get('X-CSRF-Token')).toBe('tok');
    expect(login?.body).toEqual({ username: 'leader', password: 'wrong-password' });
  });

  it('when ?next= points to another site, then the user lands on the home page instead', async () => {
    mockFetch({ 'GET /api/me': () => jsonResponse(TOWN_LEADER) });
    renderLoginPage('/login?next=%2F%2Fevil.example');

    expect(await screen.findByText('home page')).toBeInTheDocument();
  });
});
