import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setPwaState } from '@/lib/pwa-state';
import { ConnectionNotices } from './connection-notices';

function setOnline(isOnline: boolean) {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(isOnline);
  window.dispatchEvent(new Event(isOnline ? 'online' : 'offline'));
}

afterEach(() => {
  vi.restoreAllMocks();
  setPwaState({ needsRefresh: false, update: null });
});

describe('connection notices', () => {
  it('when the network goes and comes back, then the offline banner appears and goes', () => {
    render(<ConnectionNotices />);
    expect(screen.queryByText(/网络已断开/)).toBeNull();
    act(() => setOnline(false));
    expect(screen.getByRole('status')).toHaveTextContent('网络已断开：打开过的页面仍可查看');
    act(() => setOnline(true));
    expect(screen.queryByText(/网络已断开/)).toBeNull();
  });

  it('when a new version waits, then it is applied only when the person taps reload', async () => {
    const update = vi.fn(async () => undefined);
    render(<ConnectionNotices />);
    expect(screen.queryByRole('button', { name: '刷新使用新版本' })).toBeNull();
    act(() => setPwaState({ needsRefresh: true, update }));
    expect(update).not.toHaveBeenCalled();
    await userEvent.setup().click(screen.getByRole('button', { name: '刷新使用新版本' }));
    expect(update).toHaveBeenCalledOnce();
  });
});
