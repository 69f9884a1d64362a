import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { noteAnswerTime, setPwaState } from '@/lib/pwa-state';
import { ConnectionNotices } from './connection-notices';

function setOnline(isOnline: boolean) {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(isOnline);
  window.dispatchEvent(new Event(isOnline ? 'online' : 'offline'));
}

afterEach(() => {
  vi.restoreAllMocks();
  setPwaState({ needsRefresh: false, update: null, staleSince: null });
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

  it('when answers come from the cache, then the banner says from when, and a fresh answer clears it', () => {
    render(<ConnectionNotices />);
    const now = Date.parse('2026-12-07T06:30:00Z');
    // 14:20 and 14:05 China time: the page shows the older of the two.
    act(() => noteAnswerTime('Mon, 07 Dec 2026 06:20:00 GMT', now));
    act(() => noteAnswerTime('Mon, 07 Dec 2026 06:05:00 GMT', now));
    act(() => noteAnswerTime('Mon, 07 Dec 2026 06:10:00 GMT', now));
    expect(screen.getByRole('status')).toHaveTextContent('当前显示的是 2026-12-07 14:05 的内容。');
    act(() => noteAnswerTime('Mon, 07 Dec 2026 06:29:30 GMT', now));
    expect(screen.queryByRole('status')).toBeNull();
  });
});
