// The offline outbox (issue 14, decision 025): every field write is queued here first when it cannot
// go at once, with its Idempotency-Key and its photos as blobs, and sent in order by outbox-sync.ts.
// A new kind of write (patrol points, visits) needs no code here: it names its path, body and photos.

import { setOutboxCount } from './outbox-count';

import { type OutboxItem, type OutboxPhoto, openOutboxDb } from './outbox-db';

export type { OutboxItem, OutboxItemState, OutboxPhoto } from './outbox-db';

/** The photos waiting in the outbox may take this much of the phone (bytes). */
export const OUTBOX_PHOTO_BYTES_LIMIT = 200 * 1024 * 1024;
/** Sent items stay listed this long (so the person sees them go), then are pruned. */
export const SENT_KEEP_MS = 24 * 3_600_000;
/** And never more than this many of them. */
export const SENT_KEEP_COUNT = 30;

export type NewOutboxItem = {
  kind: string;
  path: string;
  body: Record<string, unknown>;
  /** The body's photo-id list (already uploaded ids stay in it; queued photos are added when sent). */
  photoField?: string | null;
  photos?: readonly File[];
  statePath?: string | null;
  label: string;
  /**
   * The item's Idempotency-Key, made by the caller when the write was made (an online attempt may
   * already have used it and lost the answer).
   */
  idempotencyKey: string;
};

/** There is no room for these photos: the person must send or discard queued items first. */
export class OutboxFullError extends Error {
  constructor(
    readonly usedBytes: number,
    readonly limitBytes: number,
  ) {
    super('The outbox has no room for more photos');
    this.name = 'OutboxFullError';
  }
}

const listeners = new Set<() => void>();

/** Tells the outbox page (and the header count) that something changed. */
export function subscribeOutbox(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function notifyOutboxChanged(): Promise<void> {
  const items = await listOutboxItems();
  setOutboxCount(items.filter((item) => item.state !== 'sent').length);
  for (const listener of listeners) listener();
}

/** Every item, in sending order. */
export async function listOutboxItems(): Promise<OutboxItem[]> {
  const db = await openOutboxDb();
  return db.getAllFromIndex('items', 'seq');
}

/** Bytes of the photos still waiting to go. */
export async function measureQueuedPhotoBytes(): Promise<number> {
  const items = await listOutboxItems();
  return items
    .flatMap((item) => item.photos)
    .filter((photo) => photo.uploadId === null)
    .reduce((sum, photo) => sum + photo.size, 0);
}

export async function enqueueOutboxItem(
  input: NewOutboxItem,
  { limitBytes = OUTBOX_PHOTO_BYTES_LIMIT, now = new Date() } = {},
): Promise<OutboxItem> {
  const files = input.photos ?? [];
  const adding = files.reduce((sum, file) => sum + file.size, 0);
  if (adding > 0) {
    const used = await measureQueuedPhotoBytes();
    if (used + adding > limitBytes) throw new OutboxFullError(used, limitBytes);
  }
  const photos: OutboxPhoto[] = files.map((file, index) => ({
    id: `${input.idempotencyKey}:${index}`,
    name: file.name,
    size: file.size,
    uploadId: null,
  }));
  const db = await openOutboxDb();
  const tx = db.transaction(['items', 'blobs', 'meta'], 'readwrite');
  const seq = Number((await tx.objectStore('meta').get('seq')) ?? 0) + 1;
  const item: OutboxItem = {
    id: input.idempotencyKey,
    seq,
    kind: input.kind,
    path: input.path,
    body: input.body,
    photoField: input.photoField ?? null,
    photos,
    statePath: input.statePath ?? null,
    label: input.label,
    createdAt: now.toISOString(),
    state: 'waiting',
    attempts: 0,
    nextAttemptAt: 0,
    lastError: null,
    current: null,
    sentAt: null,
    resultId: null,
  };
  await Promise.all([
    tx.objectStore('meta').put(seq, 'seq'),
    tx.objectStore('items').put(item),
    // The blob itself, not a File: some browsers cannot store a File's name and date reliably.
    ...photos.map((photo, index) =>
      tx
        .objectStore('blobs')
        .put({ id: photo.id, blob: new Blob([files[index]!], { type: files[index]!.type }) }),
    ),
    tx.done,
  ]);
  await notifyOutboxChanged();
  return item;
}

export async function readOutboxBlob(id: string): Promise<Blob | null> {
  const db = await openOutboxDb();
  return (await db.get('blobs', id))?.blob ?? null;
}

/** Saves an item's new state (the sync engine's writes). */
export async function putOutboxItem(item: OutboxItem): Promise<void> {
  const db = await openOutboxDb();
  await db.put('items', item);
}

/** The person gives up on an item (needs attention, refused): it and its photos go. */
export async function discardOutboxItem(id: string): Promise<void> {
  const db = await openOutboxDb();
  const tx = db.transaction(['items', 'blobs'], 'readwrite');
  const item = await tx.objectStore('items').get(id);
  if (item) {
    await Promise.all([
      tx.objectStore('items').delete(id),
      ...item.photos.map((photo) => tx.objectStore('blobs').delete(photo.id)),
    ]);
  }
  await tx.done;
  await notifyOutboxChanged();
}

/** A sent item's photos are on the server now: their blobs go at once. */
export async function deleteOutboxBlobs(ids: readonly string[]): Promise<void> {
  const db = await openOutboxDb();
  const tx = db.transaction('blobs', 'readwrite');
  await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
}

/** Sent items older than SENT_KEEP_MS, and any beyond the newest SENT_KEEP_COUNT, are removed. */
export async function pruneSentItems(now = Date.now()): Promise<number> {
  const sent = (await listOutboxItems())
    .filter((item) => item.state === 'sent')
    .sort((a, b) => (b.sentAt ?? '').localeCompare(a.sentAt ?? ''));
  const stale = sent.filter(
    (item, index) => index >= SENT_KEEP_COUNT || now - Date.parse(item.sentAt ?? '') > SENT_KEEP_MS,
  );
  if (stale.length === 0) return 0;
  const db = await openOutboxDb();
  const tx = db.transaction(['items', 'blobs'], 'readwrite');
  await Promise.all([
    ...stale.map((item) => tx.objectStore('items').delete(item.id)),
    ...stale.flatMap((item) => item.photos.map((photo) => tx.objectStore('blobs').delete(photo.id))),
    tx.done,
  ]);
  return stale.length;
}

export async function readLastSyncAt(): Promise<string | null> {
  const db = await openOutboxDb();
  const value = await db.get('meta', 'lastSyncAt');
  return typeof value === 'string' ? value : null;
}

export async function writeLastSyncAt(at: Date): Promise<void> {
  const db = await openOutboxDb();
  await db.put('meta', at.toISOString(), 'lastSyncAt');
}
