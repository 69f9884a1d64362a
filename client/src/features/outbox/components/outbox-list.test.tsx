import 'fake-indexeddb/auto';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetCsrfToken } from '@/lib/api-client';
import { clearOfflineData } from '@/lib/offline-caches';
import { enqueueOutboxItem, listOutboxItems } from '@/lib/outbox/outbox';
import { syncOutbox } from '@/lib/outbox/outbox-sync';
import { errorResponse, jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderRoutes } from '@/testing/render-route';
import { OutboxList } from './outbox-list';

const CASE_ID = '01a227e7-0000-7000-8000-0000000000c1';

beforeEach(async () => {
  resetCsrfToken();
  await clearOfflineData();
});

describe('the outbox page', () => {
  it('when a feedback was overtaken and a report waits, then each shows its state, the conflict shows the case now, and discarding asks first', async () => {
    await enqueueOutboxItem({
      kind: 'case-action',
      path: `/api/cases/${CASE_ID}/actions`,
      body: { action: 'feedback', version: 2, note: '路灯已修好' },
      photoField: 'photoIds',
      statePath: `/api/cases/${CASE_ID}`,
      label: '2026-000042',
      idempotencyKey: 'action-key-0001',
    });
    await enqueueOutboxItem({
      kind: 'report',
      path: '/api/cases',
      body: { description: '村口垃圾堆放' },
      photos: [new File([new Uint8Array(10)], 'a.jpg', { type: 'image/jpeg' })],
      label: '村口垃圾堆放',
      idempotencyKey: 'report-key-0001',
    });
    mockFetch({
      'GET /api/auth/csrf': () => jsonResponse({ token: 't' }),
      [`POST /api/cases/${CASE_ID}/actions`]: () => errorResponse(409, 'conflict'),
      [`GET /api/cases/${CASE_ID}`]: () => jsonResponse({ id: CASE_ID, status: 'dispatched', version: 3 }),
      'POST /api/uploads': () => {
        throw new TypeError('Failed to fetch');
      },
    });
    await syncOutbox();
    renderRoutes([{ path: '/outbox', Component: OutboxList }], { initialEntry: '/outbox' });

    const list = within(await screen.findByRole('list', { name: '待上传的记录' }));
    const items = list.getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('等待上传');
    expect(items[0]).toHaveTextContent('1 张照片');
    expect(items[1]).toHaveTextContent('需要处理');
    expect(items[1]).toHaveTextContent('事件现在的状态：已派遣');
    expect(items[1]).toHaveTextContent('路灯已修好');
    expect(screen.getByRole('status')).toHaveTextContent('还有 2 条未上传');

    const user = userEvent.setup();
    await user.click(within(items[1]!).getByRole('button', { name: '丢弃' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: '丢弃' }));
    await expect.poll(async () => (await listOutboxItems()).map((item) => item.kind)).toEqual(['report']);
    expect(await screen.findByText('还有 1 条未上传。', { exact: false })).toBeInTheDocument();
  });
});
