import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorResponse, jsonResponse, listRequests, mockFetch } from '@/testing/mock-fetch';
import { resetCsrfToken } from '../api-client';
import { clearOfflineData } from '../offline-caches';
import { deleteDraft, loadDraft, saveDraft, toDraftFiles } from './drafts';
import {
  discardOutboxItem,
  enqueueOutboxItem,
  listOutboxItems,
  OutboxFullError,
  pruneSentItems,
  readLastSyncAt,
  SENT_KEEP_MS,
} from './outbox';
import { readOutboxCount } from './outbox-count';
import { BACKOFF_MS, IDEMPOTENCY_HEADER, syncOutbox } from './outbox-sync';

const photo = (name: string, size = 1000) => new File([new Uint8Array(size)], name, { type: 'image/jpeg' });

function report(description: string, photos: File[] = []) {
  return enqueueOutboxItem({
    kind: 'report',
    path: '/api/cases',
    body: { description, photoIds: [] },
    photoField: 'photoIds',
    photos,
    label: description,
    idempotencyKey: crypto.randomUUID(),
  });
}

function feedback(caseId: string) {
  return enqueueOutboxItem({
    kind: 'case-action',
    path: `/api/cases/${caseId}/actions`,
    body: { action: 'feedback', version: 3, note: '已处理' },
    photoField: 'photoIds',
    statePath: `/api/cases/${caseId}`,
    label: '2026-000001',
    idempotencyKey: crypto.randomUUID(),
  });
}

let uploads = 0;
const csrf = { 'GET /api/auth/csrf': () => jsonResponse({ token: 't' }) };
const uploadRoute = {
  'POST /api/uploads': () => {
    uploads += 1;
    return jsonResponse({ id: `upload-${uploads}` }, { status: 201 });
  },
};

beforeEach(async () => {
  uploads = 0;
  resetCsrfToken();
  await clearOfflineData();
});
afterEach(async () => {
  await clearOfflineData();
});

describe('the outbox', () => {
  it('when items are queued, then they are sent in the order made, photos first and then the record naming them', async () => {
    await report('第一件', [photo('a.jpg'), photo('b.jpg')]);
    await report('第二件');
    expect(readOutboxCount()).toBe(2);
    const fetchMock = mockFetch({
      ...csrf,
      ...uploadRoute,
      'POST /api/cases': ({ body }) =>
        jsonResponse({ id: `case-${(body as { description: string }).description}` }, { status: 201 }),
    });

    await syncOutbox();

    const sent = listRequests(fetchMock).filter((request) => request.method === 'POST');
    expect(sent.map((request) => request.path)).toEqual([
      '/api/uploads',
      '/api/uploads',
      '/api/cases',
      '/api/cases',
    ]);
    expect(sent[2]?.body).toEqual({ description: '第一件', photoIds: ['upload-1', 'upload-2'] });
    expect(sent[3]?.body).toEqual({ description: '第二件', photoIds: [] });
    const items = await listOutboxItems();
    expect(items.map((item) => [item.state, item.resultId])).toEqual([
      ['sent', 'case-第一件'],
      ['sent', 'case-第二件'],
    ]);
    expect(readOutboxCount()).toBe(0);
    expect(await readLastSyncAt()).not.toBeNull();
  });

  it('when the answer is lost, then the retry sends the same Idempotency-Key and does not upload the photos again', async () => {
    const item = await report('断网时的上报', [photo('a.jpg')]);
    let attempts = 0;
    const fetchMock = mockFetch({
      ...csrf,
      ...uploadRoute,
      'POST /api/cases': () => {
        attempts += 1;
        if (attempts === 1) throw new TypeError('Failed to fetch');
        return jsonResponse({ id: 'case-1' }, { status: 200 });
      },
    });

    let now = 1_000_000;
    await syncOutbox({ now: () => now });
    const waiting = (await listOutboxItems())[0]!;
    expect(waiting).toMatchObject({ state: 'waiting', attempts: 1, nextAttemptAt: now + BACKOFF_MS[0]! });
    expect(waiting.lastError?.code).toBe('network');
    await syncOutbox({ now: () => now });
    expect(attempts).toBe(1);

    now += BACKOFF_MS[0]!;
    await syncOutbox({ now: () => now });
    const posts = listRequests(fetchMock).filter((request) => request.path === '/api/cases');
    expect(posts.map((request) => request.headers.get(IDEMPOTENCY_HEADER))).toEqual([item.id, item.id]);
    expect(uploads).toBe(1);
    expect((await listOutboxItems())[0]?.state).toBe('sent');
  });

  it('when an earlier item cannot get through, then later items wait behind it', async () => {
    await report('先');
    await report('后');
    const fetchMock = mockFetch({ ...csrf, 'POST /api/cases': () => errorResponse(503, 'unavailable') });

    await syncOutbox();

    expect(listRequests(fetchMock).filter((request) => request.path === '/api/cases')).toHaveLength(1);
    expect((await listOutboxItems()).map((item) => item.state)).toEqual(['waiting', 'waiting']);
  });

  it('when someone acted first (409), then the item needs attention with the current case, and the next item still goes', async () => {
    await feedback('case-9');
    await report('之后的上报');
    mockFetch({
      ...csrf,
      'POST /api/cases/case-9/actions': () => errorResponse(409, 'conflict'),
      'GET /api/cases/case-9': () => jsonResponse({ id: 'case-9', status: 'dispatched', version: 4 }),
      'POST /api/cases': () => jsonResponse({ id: 'case-10' }, { status: 201 }),
    });

    await syncOutbox();

    const [conflicted, next] = await listOutboxItems();
    expect(conflicted).toMatchObject({
      state: 'attention',
      body: { action: 'feedback', version: 3, note: '已处理' },
      current: { id: 'case-9', status: 'dispatched', version: 4 },
      lastError: { status: 409, code: 'conflict' },
    });
    expect(next?.state).toBe('sent');
    expect(readOutboxCount()).toBe(1);
  });

  it('when the server refuses for good (422), then the item is kept with the reason until discarded', async () => {
    const item = await report('类别已停用');
    mockFetch({
      ...csrf,
      'POST /api/cases': () =>
        errorResponse(422, 'unprocessable', { details: { reason: 'category_not_reportable' } }),
    });

    await syncOutbox();
    await syncOutbox();

    expect((await listOutboxItems())[0]).toMatchObject({
      state: 'failed',
      attempts: 1,
      lastError: { status: 422, details: { reason: 'category_not_reportable' } },
    });
    expect(readOutboxCount()).toBe(1);
    await discardOutboxItem(item.id);
    expect(await listOutboxItems()).toEqual([]);
    expect(readOutboxCount()).toBe(0);
  });

  it('when the photos would pass the cap, then nothing is queued and the reason says so', async () => {
    await enqueueOutboxItem(
      {
        kind: 'report',
        path: '/api/cases',
        body: {},
        label: 'a',
        idempotencyKey: 'key-aaaaaaaa',
        photos: [photo('a.jpg', 600)],
      },
      { limitBytes: 1000 },
    );
    await expect(
      enqueueOutboxItem(
        {
          kind: 'report',
          path: '/api/cases',
          body: {},
          label: 'b',
          idempotencyKey: 'key-bbbbbbbb',
          photos: [photo('b.jpg', 600)],
        },
        { limitBytes: 1000 },
      ),
    ).rejects.toBeInstanceOf(OutboxFullError);
    expect(await listOutboxItems()).toHaveLength(1);
  });

  it('when sent items are a day old, then they are pruned; waiting ones never are', async () => {
    await report('已发送');
    await report('待发送');
    let calls = 0;
    mockFetch({
      ...csrf,
      'POST /api/cases': () => {
        calls += 1;
        return calls === 1 ? jsonResponse({ id: 'c' }, { status: 201 }) : errorResponse(503, 'unavailable');
      },
    });
    const start = Date.now();
    await syncOutbox({ now: () => start });
    expect(await pruneSentItems(start + 1000)).toBe(0);
    expect(await pruneSentItems(start + SENT_KEEP_MS + 1)).toBe(1);
    expect((await listOutboxItems()).map((item) => item.label)).toEqual(['待发送']);
  });

  it('when the person signs out, or someone else signs in, then the outbox and drafts are wiped; the same person keeps them', async () => {
    await report('甲的上报');
    await saveDraft('report', { description: '草稿' }, [photo('d.jpg')]);

    await clearOfflineData(true);
    expect(await listOutboxItems()).toHaveLength(1);
    const draft = await loadDraft('report');
    expect(draft?.data).toEqual({ description: '草稿' });
    expect(toDraftFiles(draft!).map((file) => file.name)).toEqual(['d.jpg']);
    expect(readOutboxCount()).toBe(1);

    await clearOfflineData();
    expect(await listOutboxItems()).toEqual([]);
    expect(await loadDraft('report')).toBeNull();
    expect(readOutboxCount()).toBe(0);
    await deleteDraft('report');
  });
});
