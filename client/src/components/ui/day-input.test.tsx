import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DayInput } from './day-input';

function renderDay(props: { value?: string; min?: string } = {}) {
  const onDayChange = vi.fn();
  render(
    <>
      <label htmlFor="day">开始日期</label>
      <DayInput id="day" value={props.value ?? ''} min={props.min} onDayChange={onDayChange} />
    </>,
  );
  return { onDayChange, input: screen.getByLabelText('开始日期') as HTMLInputElement };
}

describe('day input', () => {
  it('when shown, then it is a text field asking for YYYY-MM-DD, not the browser’s date picker', () => {
    const { input } = renderDay();

    expect(input.type).toBe('text');
    expect(input.placeholder).toBe('YYYY-MM-DD');
  });

  it('when a real day is typed, then it is passed on', async () => {
    const user = userEvent.setup();
    const { input, onDayChange } = renderDay();

    await user.type(input, '2026-06-01');

    expect(onDayChange).toHaveBeenLastCalledWith('2026-06-01');
    expect(input.validationMessage).toBe('');
  });

  it('when a day in another order or not real is typed, then it is kept back and said in Chinese', async () => {
    const user = userEvent.setup();
    const { input, onDayChange } = renderDay();

    await user.type(input, '06/01/2026');
    await user.tab();

    expect(onDayChange).not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveTextContent('请按 YYYY-MM-DD 填写真实日期');
    expect(input.validationMessage).toBe('请按 YYYY-MM-DD 填写真实日期，如 2026-06-01');

    await user.clear(input);
    await user.type(input, '2026-02-30');
    await user.tab();
    expect(onDayChange).not.toHaveBeenCalledWith('2026-02-30');
  });

  it('when a day before the minimum is typed, then the minimum is named', async () => {
    const user = userEvent.setup();
    const { input, onDayChange } = renderDay({ min: '2026-06-10' });

    await user.type(input, '2026-06-01');
    await user.tab();

    expect(onDayChange).not.toHaveBeenCalledWith('2026-06-01');
    expect(screen.getByRole('alert')).toHaveTextContent('不能早于 2026-06-10');
  });
});
