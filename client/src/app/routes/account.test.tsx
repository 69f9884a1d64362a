import type { Me } from '@gridgov/shared';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetCsrfToken } from '@/lib/api-client';
import { errorResponse, jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderRoutes } from '@/testing/render-route';
import { ActivateRoute, ChangePasswordRoute } from './account';
import { AppRoot } from './app-root';

const WORKER: Me = {
  id: 'u1',
  username: 'gw001',
  name: '李网格',
  roles: ['grid_worker'],
  scope: { level: 'grids', regionIds: [], gridIds: ['g1'], homeGridId: 'g1', bbox: null },
  mustChangePassword: true,
};

function renderApp(initialEntry: string) {
  return renderRoutes(
    [
      {
        path: '/',
        Component: AppRoot,
        children: [
          { path: 'cases', element: <p>case list</p> },
          { path: 'account/password', Component: ChangePasswordRoute },
        ],
      },
      { path: '/activate', Component: ActivateRoute },
    ],
    { initialEntry },
  );
}

describe('password pages', () => {
  beforeEach(() => resetCsrfToken());

  it('when the password was handed out by an admin, then every page leads to choosing a new one, with the rule shown', async () => {
    let sent: unknown = null;
    mockFetch({
      'GET /api/me': () => jsonResponse(WORKER),
      'GET /api/auth/csrf': () => jsonResponse({ token: 'tok' }),
      'POST /api/auth/password': (request) => {
        sent = request.body;
        return jsonResponse({ endedSessions: 2 });
      },
    });
    renderApp('/cases');
    expect(await screen.findByRole('heading', { name: '修改密码' })).toBeInTheDocument();
    expect(screen.queryByText('case list')).not.toBeInTheDocument();
    expect(screen.getByText(/管理员设置的初始密码/)).toBeInTheDocument();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('当前密码'), 'Init1234abcd');
    await user.type(screen.getByLabelText('新密码'), 'short1');
    await user.type(screen.getByLabelText('再次输入新密码'), 'short1');
    await user.click(screen.getByRole('button', { name: '保存新密码' }));
    expect(screen.getByRole('alert')).toHaveTextContent('至少 10 个字符');
    expect(sent).toBeNull();
    await user.clear(screen.getByLabelText('新密码'));
    await user.type(screen.getByLabelText('新密码'), 'Luozhou2026river');
    await user.clear(screen.getByLabelText('再次输入新密码'));
    await user.type(screen.getByLabelText('再次输入新密码'), 'Luozhou2026river');
    await user.click(screen.getByRole('button', { name: '保存新密码' }));
    expect(await screen.findByRole('status')).toHaveTextContent('其他设备上的 2 个登录已退出');
    expect(sent).toEqual({ currentPassword: 'Init1234abcd', newPassword: 'Luozhou2026river' });
  });

  it('when the activation code is wrong, then the page says so in Chinese', async () => {
    mockFetch({
      'GET /api/me': () => errorResponse(401, 'unauthenticated'),
      'GET /api/auth/csrf': () => jsonResponse({ token: 'tok' }),
      'POST /api/auth/activate': () => errorResponse(401, 'unauthenticated'),
    });
    renderApp('/activate');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('用户名'), '13900000851');
    await user.type(screen.getByLabelText('激活码'), 'k7qm3xpa9trw');
    await user.type(screen.getByLabelText('新密码'), 'Shijiao2026tea');
    await user.type(screen.getByLabelText('再次输入新密码'), 'Shijiao2026tea');
    await user.click(screen.getByRole('button', { name: '激活并登录' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('用户名或激活码不正确');
  });
});
