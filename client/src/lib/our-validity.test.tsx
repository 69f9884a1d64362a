import { PHONE_PATTERN } from '@gridgov/shared';
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { checkTime, installRequiredMessage, matching, useOurValidity } from './our-validity';

function PhoneForm() {
  const validity = useOurValidity();
  return (
    <form aria-label="新增人员">
      <label htmlFor="phone">手机号</label>
      <input id="phone" name="phone" required {...validity(matching(PHONE_PATTERN, 'phoneFormat'))} />
    </form>
  );
}

describe('our validity messages', () => {
  it('when a phone number has the wrong shape, then the field is invalid with our message, not the browser’s', async () => {
    const user = userEvent.setup();
    render(<PhoneForm />);
    const phone = screen.getByLabelText('手机号') as HTMLInputElement;

    expect(phone).not.toHaveAttribute('pattern');
    await user.type(phone, '12345');

    expect(phone.checkValidity()).toBe(false);
    expect(phone.validationMessage).toBe('请填写 11 位手机号，以 13–19 开头');

    await user.clear(phone);
    await user.type(phone, '13800000001');
    expect(phone.checkValidity()).toBe(true);
  });

  it('when a required field is left empty, then the message is 请填写此项', () => {
    render(<PhoneForm />);
    const phone = screen.getByLabelText('手机号') as HTMLInputElement;

    fireEvent.invalid(phone);

    expect(phone.validationMessage).toBe('请填写此项');
  });

  it('when a time is checked, then only 24-hour HH:mm passes', () => {
    expect(checkTime('08:30')).toBeNull();
    expect(checkTime('23:59')).toBeNull();
    expect(checkTime('8:30 AM')).toBe('timeFormat');
    expect(checkTime('24:00')).toBe('timeFormat');
  });
});

describe('the required message everywhere', () => {
  it('when any required field is left empty, then it says 请填写此项, and typing clears it', async () => {
    const uninstall = installRequiredMessage(() => '请填写此项');
    const user = userEvent.setup();
    render(
      <form aria-label="督办">
        <label htmlFor="note">督办意见</label>
        <textarea id="note" required />
        <label htmlFor="grid">网格</label>
        <select id="grid" required>
          <option value="">请选择</option>
          <option value="g1">一网格</option>
        </select>
      </form>,
    );
    const note = screen.getByLabelText('督办意见') as HTMLTextAreaElement;
    const grid = screen.getByLabelText('网格') as HTMLSelectElement;

    expect((screen.getByRole('form', { name: '督办' }) as HTMLFormElement).checkValidity()).toBe(false);
    expect(note.validationMessage).toBe('请填写此项');
    expect(grid.validationMessage).toBe('请填写此项');

    await user.type(note, '请加快办理');
    expect(note.validity.valid).toBe(true);
    uninstall();
  });
});
