import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { buildSquareGrid } from '@/testing/grid-feature.fixture';
import { GridPicker, GridSelectionStatus } from './grid-picker';

const GRIDS = [
  buildSquareGrid('SJ-01-01', [113, 23], { villageId: '石角村' }),
  buildSquareGrid('SJ-02-01', [113.01, 23], { villageId: '沙浦村' }),
];

/** The picker and the announcement share the selection the way the map routes do (through the URL). */
function MapKeyboardHarness({ initial = null }: { initial?: string | null }) {
  const [selected, setSelected] = useState<string | null>(initial);
  return (
    <>
      <GridPicker grids={GRIDS} selectedGridId={selected} onChange={setSelected} />
      <GridSelectionStatus grids={GRIDS} selectedGridId={selected} />
    </>
  );
}

describe('grid picker', () => {
  it('when a grid is chosen with the keyboard, then it is selected and the choice is announced', async () => {
    render(<MapKeyboardHarness />);
    const user = userEvent.setup();
    const picker = screen.getByRole('combobox', { name: '网格' });
    expect(screen.getByRole('status')).toBeEmptyDOMElement();

    await user.tab();
    expect(picker).toHaveFocus();
    await user.selectOptions(picker, 'SJ-02-01 SJ-02-01');

    expect(picker).toHaveValue('SJ-02-01');
    expect(screen.getByRole('status')).toHaveTextContent('已选择网格：SJ-02-01 SJ-02-01（沙浦村）');
  });

  it('when the selection comes from a click on the map or a link, then the picker shows it and it is announced too', () => {
    render(<MapKeyboardHarness initial="SJ-01-01" />);

    expect(screen.getByRole('combobox', { name: '网格' })).toHaveValue('SJ-01-01');
    expect(screen.getByRole('status')).toHaveTextContent('已选择网格：SJ-01-01 SJ-01-01（石角村）');
  });
});
