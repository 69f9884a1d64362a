import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { errorResponse, mockFetch } from '@/testing/mock-fetch';
import { renderRoutes } from '@/testing/render-route';
import { GridDetailPanel } from './grid-detail-panel';

describe('grid detail panel', () => {
  it('when a grid is open, then it links to the case list narrowed to that grid', async () => {
    mockFetch({ 'GET /api/grids/g1': () => errorResponse(404, 'not_found') });
    renderRoutes([{ path: '/', element: <GridDetailPanel gridId="g1" onClose={() => undefined} /> }]);

    expect(await screen.findByRole('link', { name: '查看本网格事件' })).toHaveAttribute(
      'href',
      '/cases?gridId=g1',
    );
  });
});
