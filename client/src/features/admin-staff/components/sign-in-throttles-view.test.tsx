import type { SignInThrottleList } from '@gridgov/shared';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAdminStaffTranslations } from '@/lib/i18n';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderRoutes } from '@/testing/render-route';
import { SignInThrottlesView } from './sign-in-throttles-view';

beforeAll(() => loadAdminStaffTranslations());

const list = (locked: boolean): SignInThrottleList => ({
  windowMinutes: 15,
  items: [
    {
      kind: 'username',
      key: 'gw001',
      staff: { id: '0190a0a0-0000-7000-8000-000000000001', name: '李网格', username: 'gw001' },
      failures: 6,
      lastFailureAt: '2026-12-07T02:00:00.000Z',
      lockedUntil: locked ? '2026-12-07T02:02:00.000Z' : null,
    },
  ],
});

describe('sign-in throttles view', () => {
  it('when a person is locked, then the lock shows in China time and lifting it asks first, then clears', async () => {
    let current = list(true);
    let cleared: unknown = null;
    mockFetch({
      'GET /api/admin/sign-in-throttles': () => jsonResponse(current),
      'GET /api/auth/csrf': () => jsonResponse({ token: 't' }),
      'POST /api/admin/sign-in-throttles/clear': (request) => {
        cleared = request.body;
        current = { ...current, items: [] };
        return jsonResponse({ cleared: 6 });
      },
    });
    renderRoutes([{ path: '/admin/sign-in-throttles', Component: SignInThrottlesView }], {
      initialEntry: '/admin/sign-in-throttles',
    });
    const row = await screen.findByRole('row', { name: /李网格/ });
    expect(row).toHaveTextContent('账号（陌生设备）');
    expect(row).toHaveTextContent('锁定至');
    expect(row).toHaveTextContent('2026-12-07 10:02');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '解除限制' }));
    expect(cleared).toBeNull();
    expect(screen.getByText(/确认解除“李网格”的登录限制/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '确认解除' }));
    expect(await screen.findByRole('status')).toHaveTextContent('清除了 6 次失败记录');
    expect(cleared).toEqual({ kind: 'username', key: 'gw001' });
    expect(await screen.findByText('目前没有登录失败记录。')).toBeInTheDocument();
  });
});
