// The outbox's IndexedDB database (idb): queued writes, their photo blobs, form drafts, sync facts.
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import { OUTBOX_DB } from '../offline-caches';

/**
 * waiting: to be sent (again); sending: a send is under way (left so by a closed tab: sent again, the
 * Idempotency-Key makes that safe); sent: done (pruned later); attention: someone acted first (409),
 * the current state is kept beside what was sent; failed: refused for good (a 4xx), kept with the
 * reason until the person discards it.
 */
export type OutboxItemState = 'waiting' | 'sending' | 'sent' | 'attention' | 'failed';

export type OutboxPhoto = {
  /** Key of the blob in the `blobs` store. */
  id: string;
  name: string;
  size: number;
  /** Set once uploaded, so a later retry never uploads it again. */
  uploadId: string | null;
};

export type OutboxError = { status: number; code: string; message: string; details?: unknown };

export type OutboxItem = {
  /** Also the Idempotency-Key of every attempt. */
  id: string;
  /** Sending order: the order the person made the writes in. */
  seq: number;
  /** What it is ('report', 'case-action'; later patrol points, visits): for the list and the tests. */
  kind: string;
  /** POST target and JSON body; the uploaded photos' ids are added under `photoField`. */
  path: string;
  body: Record<string, unknown>;
  photoField: string | null;
  photos: OutboxPhoto[];
  /** Where the current state of the thing acted on is read after a 409 (null: nothing to show). */
  statePath: string | null;
  /** A short line for the outbox page (a report's description, the case number). */
  label: string;
  createdAt: string;
  state: OutboxItemState;
  attempts: number;
  /** Epoch ms before which no new attempt is made (backoff). */
  nextAttemptAt: number;
  lastError: OutboxError | null;
  /** After a 409: the state someone else left it in. */
  current: unknown;
  sentAt: string | null;
  /** The id the server answered with (the new case's), for a link. */
  resultId: string | null;
};

export type OutboxDraft = {
  key: string;
  savedAt: string;
  data: unknown;
  photos: { name: string; type: string; blob: Blob }[];
};

interface OutboxSchema extends DBSchema {
  items: { key: string; value: OutboxItem; indexes: { seq: number } };
  blobs: { key: string; value: { id: string; blob: Blob } };
  drafts: { key: string; value: OutboxDraft };
  meta: { key: string; value: number | string };
}

export type OutboxDb = IDBPDatabase<OutboxSchema>;

let opening: Promise<OutboxDb> | null = null;

export function openOutboxDb(): Promise<OutboxDb> {
  opening ??= openDB<OutboxSchema>(OUTBOX_DB, 1, {
    upgrade(db) {
      db.createObjectStore('items', { keyPath: 'id' }).createIndex('seq', 'seq');
      db.createObjectStore('blobs', { keyPath: 'id' });
      db.createObjectStore('drafts', { keyPath: 'key' });
      db.createObjectStore('meta');
    },
    // Sign-out deletes the database (wipeOutbox): let go of it, and open afresh next time.
    blocking() {
      void opening?.then((db) => db.close());
      opening = null;
    },
    terminated() {
      opening = null;
    },
  }).catch((error: unknown) => {
    opening = null;
    throw error;
  });
  return opening;
}
