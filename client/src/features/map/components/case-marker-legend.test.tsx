import { CASE_STATUSES } from '@gridgov/shared';
import { render, screen, within } from '@testing-library/react';
import i18n from 'i18next';
import { describe, expect, it } from 'vitest';
import { changeLanguage } from '@/lib/i18n';
import {
  CLUSTER_COLOR,
  CLUSTER_OVERDUE_COLOR,
  ESCALATED_RING_COLOR,
  OVERDUE_COLOR,
  STATUS_COLORS,
} from '../utils/status-colors';
import { CaseMarkerLegend } from './case-marker-legend';

function legendLines() {
  const list = within(screen.getByRole('list', { name: '图例：事件标记' }));
  return list.getAllByRole('listitem').map((item) => ({
    color: item.getAttribute('data-color'),
    text: item.textContent,
    swatch: item.querySelector<HTMLElement>('[aria-hidden="true"]')?.style,
  }));
}

describe('case marker legend', () => {
  it('when shown, then every marker colour the map draws is explained, with the very colour it is drawn in', () => {
    render(<CaseMarkerLegend />);
    const lines = legendLines();

    for (const status of CASE_STATUSES) {
      const line = lines.find((item) => item.color === STATUS_COLORS[status]);
      expect(line?.text, status).toContain(i18n.t(`caseStatus.${status}`));
    }
    for (const color of [OVERDUE_COLOR, ESCALATED_RING_COLOR, CLUSTER_COLOR, CLUSTER_OVERDUE_COLOR]) {
      expect(lines.some((item) => item.color === color)).toBe(true);
    }
    const toRgb = (hex: string) => {
      const probe = document.createElement('span');
      probe.style.color = hex;
      return probe.style.color;
    };
    expect(lines.find((item) => item.color === STATUS_COLORS.reported)?.swatch?.background).toBe(
      toRgb(STATUS_COLORS.reported),
    );
    expect(lines.find((item) => item.color === OVERDUE_COLOR)?.swatch?.borderColor).toBe(
      toRgb(OVERDUE_COLOR),
    );
    expect(lines.find((item) => item.color === STATUS_COLORS.rejected)?.text).toBe('不予立案、已撤销');
  });

  it('when the language is English, then the legend is in English', async () => {
    await changeLanguage('en');
    try {
      render(<CaseMarkerLegend />);
      expect(screen.getByText('Legend: case markers')).toBeInTheDocument();
      expect(screen.getByText('Red ring: overdue')).toBeInTheDocument();
    } finally {
      await changeLanguage('zh-CN');
    }
  });
});
