import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { buildRegionTree } from '@/testing/region-tree.fixture';
import { renderRoutes } from '@/testing/render-route';
import { HierarchyView } from './hierarchy-view';

function HierarchyHarness() {
  const [query, setQuery] = useState('');
  return <HierarchyView query={query} onQueryChange={setQuery} />;
}

function renderHierarchy() {
  mockFetch({ 'GET /api/regions/tree': () => jsonResponse(buildRegionTree()) });
  return renderRoutes([{ path: '/hierarchy', Component: HierarchyHarness }], { initialEntry: '/hierarchy' });
}

describe('hierarchy view', () => {
  it('when the tree loads for a small scope, then villages are open and show their grids and staff', async () => {
    renderHierarchy();

    expect(await screen.findByRole('heading', { name: '石角镇' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /石角村/ })).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('link', { name: '石角第一网格' })).toHaveAttribute(
      'href',
      '/?village=v1&grid=g1',
    );
    expect(screen.getByText('张伟')).toBeInTheDocument();
  });

  it('when the user searches a staff name, then only matching grids remain and the match is highlighted', async () => {
    const user = userEvent.setup();
    renderHierarchy();
    await screen.findByRole('heading', { name: '石角镇' });

    await user.type(screen.getByRole('searchbox', { name: '搜索网格、村（社区）或人员' }), '李娜');

    expect(screen.getByRole('link', { name: '石角第二网格' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: '石角第一网格' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /沙浦村/ })).not.toBeInTheDocument();
    const mark = screen.getByText('李娜', { selector: 'mark' });
    expect(mark).toBeInTheDocument();
    expect(screen.getByText('找到 1 个网格')).toBeInTheDocument();
  });

  it('when the user searches a grid code, then the matching part of the code is highlighted', async () => {
    const user = userEvent.setup();
    renderHierarchy();
    await screen.findByRole('heading', { name: '石角镇' });

    await user.type(screen.getByRole('searchbox'), 'sj-02');

    const village = screen.getByRole('button', { name: /沙浦村/ }).closest('li');
    expect(village).not.toBeNull();
    expect(within(village as HTMLElement).getByText('SJ-02', { selector: 'mark' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /石角村/ })).not.toBeInTheDocument();
  });

  it('when nothing matches, then a no-match message names the query', async () => {
    const user = userEvent.setup();
    renderHierarchy();
    await screen.findByRole('heading', { name: '石角镇' });

    await user.type(screen.getByRole('searchbox'), '不存在的人');

    expect(screen.getByText('没有找到匹配“不存在的人”的网格或人员')).toBeInTheDocument();
  });
});
