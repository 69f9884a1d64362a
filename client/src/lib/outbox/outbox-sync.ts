// Sends the outbox in order (decision 025): photos first, then the record naming them, each with the
// item's own Idempotency-Key, so a send repeated after a lost answer never makes two.
import { api, isApiError } from '../api-client';
import {
  deleteOutboxBlobs,
  listOutboxItems,
  notifyOutboxChanged,
  type OutboxItem,
  pruneSentItems,
  putOutboxItem,
  readOutboxBlob,
  writeLastSyncAt,
} from './outbox';
import type { OutboxError } from './outbox-db';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
/** Waits after the 1st, 2nd, … failed attempt; the last one repeats. */
export const BACKOFF_MS = [5_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000];

type Outcome = 'sent' | 'kept' | 'stop';

function toOutboxError(error: unknown): OutboxError {
  if (isApiError(error)) {
    return { status: error.status, code: error.code, message: error.message, details: error.details };
  }
  return { status: 0, code: 'unknown', message: error instanceof Error ? error.message : String(error) };
}

/**
 * No answer, or one that may change on its own (busy, overloaded, signed out, a server fault): try
 * again later. Any other 4xx can never succeed as sent.
 */
function isWorthRetrying(error: unknown): boolean {
  if (!isApiError(error)) return false;
  return (
    error.status === 0 ||
    error.status === 401 ||
    error.status === 408 ||
    error.status === 429 ||
    error.status >= 500
  );
}

async function uploadPhotos(item: OutboxItem): Promise<void> {
  for (const photo of item.photos) {
    if (photo.uploadId) continue;
    const blob = await readOutboxBlob(photo.id);
    if (!blob) throw new Error(`The photo ${photo.name} is no longer on this phone`);
    const form = new FormData();
    form.append('file', new File([blob], photo.name, { type: blob.type }));
    const upload = await api.post<{ id: string }>('/api/uploads', form, { isAuthProbe: true });
    photo.uploadId = upload.id;
    // Remembered at once: a retry after a later failure does not upload this photo again.
    await putOutboxItem(item);
  }
}

function buildBody(item: OutboxItem): Record<string, unknown> {
  if (!item.photoField || item.photos.length === 0) return item.body;
  const named = Array.isArray(item.body[item.photoField]) ? (item.body[item.photoField] as string[]) : [];
  return { ...item.body, [item.photoField]: [...named, ...item.photos.map((photo) => photo.uploadId)] };
}

async function sendItem(item: OutboxItem, now: () => number): Promise<Outcome> {
  item.state = 'sending';
  item.attempts += 1;
  await putOutboxItem(item);
  await notifyOutboxChanged();
  try {
    await uploadPhotos(item);
    const answer = await api.post<{ id?: string } | undefined>(item.path, buildBody(item), {
      headers: { [IDEMPOTENCY_HEADER]: item.id },
      isAuthProbe: true,
    });
    Object.assign(item, {
      state: 'sent',
      sentAt: new Date(now()).toISOString(),
      resultId: typeof answer?.id === 'string' ? answer.id : null,
      lastError: null,
    } satisfies Partial<OutboxItem>);
    await putOutboxItem(item);
    await deleteOutboxBlobs(item.photos.map((photo) => photo.id));
    return 'sent';
  } catch (error) {
    item.lastError = toOutboxError(error);
    if (isWorthRetrying(error)) {
      item.state = 'waiting';
      item.nextAttemptAt = now() + BACKOFF_MS[Math.min(item.attempts, BACKOFF_MS.length) - 1]!;
      await putOutboxItem(item);
      return 'stop';
    }
    if (isApiError(error) && error.status === 409) {
      item.state = 'attention';
      item.current = item.statePath
        ? await api.get(item.statePath, { isAuthProbe: true }).catch(() => null)
        : null;
    } else {
      item.state = 'failed';
    }
    await putOutboxItem(item);
    return 'kept';
  }
}

let running: Promise<void> | null = null;

/**
 * One pass over the outbox, oldest first. A failure that may pass (no network) stops the pass, so
 * nothing overtakes an earlier write; a final answer (sent, 409, refused) moves on to the next item.
 * One pass at a time per tab; across tabs, the Web Locks API where the browser has it (and the
 * Idempotency-Key where it has not).
 */
export function syncOutbox({ now = Date.now, force = false } = {}): Promise<void> {
  running ??= withLock(() => runPass(now, force)).finally(() => {
    running = null;
  });
  return running;
}

async function withLock(pass: () => Promise<void>): Promise<void> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return pass();
  await locks.request('gridgov-outbox-sync', { ifAvailable: true }, async (lock) => {
    if (lock) await pass();
  });
}

async function runPass(now: () => number, force: boolean): Promise<void> {
  let sentAny = false;
  for (const item of await listOutboxItems()) {
    if (item.state !== 'waiting' && item.state !== 'sending') continue;
    if (!force && item.nextAttemptAt > now()) break;
    const outcome = await sendItem(item, now);
    if (outcome === 'sent') sentAny = true;
    if (outcome === 'stop') break;
  }
  if (sentAny) await writeLastSyncAt(new Date(now()));
  await pruneSentItems(now());
  await notifyOutboxChanged();
}

// Keeps the outbox moving while the app is open: at start (items left by a reload or a closed tab), when
// the network returns, when the app comes back to the front, and every few seconds for the backoff.
const TICK_MS = 10_000;
let isStarted = false;

export function startOutboxSync(): void {
  if (isStarted) return;
  isStarted = true;
  // What is queued on this phone should survive the browser's clean-ups when space runs low.
  void navigator.storage?.persist?.().catch(() => false);
  const sync = (force: boolean) => void syncOutbox({ force }).catch(() => undefined);
  // The network is back: no reason to sit out the backoff.
  window.addEventListener('online', () => sync(true));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && navigator.onLine) sync(false);
  });
  setInterval(() => {
    if (navigator.onLine) sync(false);
  }, TICK_MS);
  sync(false);
}
