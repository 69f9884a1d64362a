import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ConfirmDialog } from './confirm-dialog';

describe('confirm dialog', () => {
  it('when it opens, then Cancel has the focus, Escape cancels and only the confirm button confirms', async () => {
    const onConfirm = vi.fn();
    const onCancel = vi.fn();
    render(
      <ConfirmDialog
        title="停用 李网格（gw001）的账号？"
        confirmLabel="停用账号"
        onConfirm={onConfirm}
        onCancel={onCancel}
      >
        <p>停用后此人无法登录</p>
      </ConfirmDialog>,
    );
    const dialog = screen.getByRole('alertdialog', { name: '停用 李网格（gw001）的账号？' });
    expect(dialog).toHaveAccessibleDescription('停用后此人无法登录');
    expect(screen.getByRole('button', { name: '取消' })).toHaveFocus();
    const user = userEvent.setup();
    await user.keyboard('{Enter}');
    expect(onConfirm).not.toHaveBeenCalled();
    expect(onCancel).toHaveBeenCalledTimes(1);
    await user.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalledTimes(2);
    await user.click(screen.getByRole('button', { name: '停用账号' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });
});
