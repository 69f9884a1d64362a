import type { Health } from '@gridgov/shared';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CenteredLayout } from '@/components/layouts/centered-layout';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderRoutes } from '@/testing/render-route';

function health(demoHistory: Health['demoHistory']): Health {
  return { status: 'ok', database: 'pglite', migrations: { applied: 9, pending: 0 }, demoHistory };
}

function renderSignInShell() {
  return renderRoutes([{ path: '/', element: <CenteredLayout title="登录">form</CenteredLayout> }]);
}

describe('the demo history banner', () => {
  it('when the demo history is still being written, then 演示数据生成中 shows, and goes once it is complete', async () => {
    let state: Health['demoHistory'] = 'generating';
    mockFetch({ 'GET /api/health': () => jsonResponse(health(state)) });
    const { queryClient } = renderSignInShell();
    expect(await screen.findByRole('status')).toHaveTextContent('演示数据生成中');
    state = 'complete';
    await queryClient.refetchQueries({ queryKey: ['health'] });
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull());
  });

  it('when the history is complete (or there is none), then no banner', async () => {
    const fetchMock = mockFetch({ 'GET /api/health': () => jsonResponse(health('complete')) });
    renderSignInShell();
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    expect(screen.getByText('form')).toBeInTheDocument();
    expect(screen.queryByRole('status')).toBeNull();
  });
});
