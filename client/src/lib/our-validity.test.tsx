import { PHONE_PATTERN } from '@gridgov/shared';
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { checkTime, installOurMessages, matching, useOurValidity } from './our-validity';

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
    const uninstall = installOurMessages(() => '请填写此项');
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

describe('number fields in our words', () => {
  // The messages as a person reads them, written out by hand (not built from the production strings).
  const zh: Record<string, string> = {
    'common.requiredField': '请填写此项',
    'common.numberBetween': '请填写 {{min}} 到 {{max}} 之间的数',
    'common.numberAtLeast': '请填写不小于 {{min}} 的数',
    'common.numberAtMost': '请填写不大于 {{max}} 的数',
    'common.numberStep': '请填写 {{step}} 的整数倍',
    'common.numberFormat': '请填写数字',
  };
  const translate = (key: string, values: Record<string, string> = {}) =>
    (zh[key] ?? key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');

  function NumberForm() {
    return (
      <form aria-label="覆盖设置">
        <label htmlFor="load">网格长最多负责网格数</label>
        <input id="load" type="number" min={1} max={100} defaultValue="5" />
        <label htmlFor="least">最少巡防员</label>
        <input id="least" type="number" min={0} defaultValue="1" />
        <label htmlFor="most">年份</label>
        <input id="most" type="number" max={2100} defaultValue="2026" />
        <label htmlFor="sla">时限（小时）</label>
        <input id="sla" type="number" min={4} step={4} defaultValue="8" />
      </form>
    );
  }

  it('when a number is out of range or off its step, then the field says so in our words, and editing clears it', async () => {
    const uninstall = installOurMessages(translate);
    const user = userEvent.setup();
    render(<NumberForm />);
    const form = screen.getByRole('form', { name: '覆盖设置' }) as HTMLFormElement;
    const load = screen.getByLabelText('网格长最多负责网格数') as HTMLInputElement;
    const least = screen.getByLabelText('最少巡防员') as HTMLInputElement;
    const most = screen.getByLabelText('年份') as HTMLInputElement;
    const sla = screen.getByLabelText('时限（小时）') as HTMLInputElement;
    expect(form.checkValidity()).toBe(true);

    await user.clear(load);
    await user.type(load, '101');
    await user.clear(least);
    await user.type(least, '-1');
    await user.clear(most);
    await user.type(most, '2101');
    await user.clear(sla);
    await user.type(sla, '6');

    expect(form.checkValidity()).toBe(false);
    expect(load.validationMessage).toBe('请填写 1 到 100 之间的数');
    expect(least.validationMessage).toBe('请填写不小于 0 的数');
    expect(most.validationMessage).toBe('请填写不大于 2100 的数');
    expect(sla.validationMessage).toBe('请填写 4 的整数倍');

    await user.clear(load);
    await user.type(load, '12');
    expect(load.validity.valid).toBe(true);
    expect(load.validationMessage).toBe('');
    uninstall();
  });

  it('when a number field is empty but not required, then nothing is said', () => {
    const uninstall = installOurMessages(translate);
    render(
      <form aria-label="年度设置">
        <label htmlFor="year">年份</label>
        <input id="year" type="number" min={2000} max={2100} />
      </form>,
    );
    const year = screen.getByLabelText('年份') as HTMLInputElement;
    expect(year.checkValidity()).toBe(true);
    expect(year.validationMessage).toBe('');
    uninstall();
  });
});
