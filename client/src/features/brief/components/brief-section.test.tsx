import { render, screen } from '@testing-library/react';
import { act } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { changeLanguage, loadStatsTranslations } from '@/lib/i18n';
import { buildCaseSummary } from '@/testing/case.fixture';
import { BriefSection } from './brief-section';

beforeAll(() => loadStatsTranslations());
afterEach(() => changeLanguage('zh-CN'));

function renderSection() {
  render(
    <MemoryRouter>
      <BriefSection
        id="late"
        title="Late"
        listPath="/cases"
        items={[buildCaseSummary({ reportedAt: '2026-12-07T16:30:00.000Z' })]}
        hasMore={false}
        shown={5}
        timeOf="reportedAt"
        casePath={() => '/cases/1'}
      />
    </MemoryRouter>,
  );
}

describe('brief section', () => {
  it('when English is chosen, then the category has its English name and one case is "1 case"', async () => {
    await act(() => changeLanguage('en'));
    renderSection();

    expect(screen.getByText('Broken street light')).toBeInTheDocument();
    expect(screen.queryByText('路灯损坏')).toBeNull();
    expect(screen.getByText('1 case')).toBeInTheDocument();
  });

  it('when Chinese is chosen, then the Chinese name and China time are shown', () => {
    renderSection();

    expect(screen.getByText('路灯损坏')).toBeInTheDocument();
    expect(screen.getByText(/12-08 00:30/)).toBeInTheDocument();
  });
});
