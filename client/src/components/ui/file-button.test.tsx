import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { FileButton } from './file-button';

describe('file button', () => {
  it('when nothing is chosen, then it says 选择文件 and 未选择文件 in our words', () => {
    render(
      <>
        <label htmlFor="roster">名册文件</label>
        <FileButton id="roster" accept=".csv" />
      </>,
    );

    expect(screen.getByText('选择文件')).toBeInTheDocument();
    expect(screen.getByText('未选择文件')).toBeInTheDocument();
    expect(screen.getByLabelText('名册文件')).toHaveAttribute('type', 'file');
  });

  it('when a file is chosen, then its name is shown and the change reaches the form', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(
      <>
        <label htmlFor="roster">名册文件</label>
        <FileButton id="roster" onChange={onChange} />
      </>,
    );

    await user.upload(screen.getByLabelText('名册文件'), new File(['a,b'], '名册.csv', { type: 'text/csv' }));

    expect(screen.getByText('名册.csv')).toBeInTheDocument();
    expect(screen.queryByText('未选择文件')).toBeNull();
    expect(onChange).toHaveBeenCalledTimes(1);
  });
});
