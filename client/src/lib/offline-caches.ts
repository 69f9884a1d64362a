// Names of the service worker's runtime caches (vite.config.ts), shared with the code that wipes them.

/** Last answers of API reads, served when the network is gone. Personal data: wiped at sign-out. */
export const API_CACHE = 'gridgov-api';
/** Case photos and thumbnails seen online. */
export const PHOTO_CACHE = 'gridgov-photos';

/** The offline outbox's IndexedDB database (lib/outbox/), with the drafts. */
export const OUTBOX_DB = 'gridgov-outbox';
/** Its count of unsent writes, for the header badge (lib/outbox/outbox-count.ts). */
export const OUTBOX_COUNT_KEY = 'gridgov.outbox.count';

/**
 * Removes every trace of the signed-in person kept on this phone (a shared phone must not show the
 * previous user's cases): the service worker's caches and, unless `keepOutbox` (the same person signing
 * in again: decision 025), the outbox with its drafts. An open outbox connection closes itself on the
 * deletion's `versionchange`. Safe where Cache Storage or IndexedDB do not exist (tests, plain HTTP).
 */
export async function clearOfflineData(keepOutbox = false): Promise<void> {
  if (!keepOutbox) {
    localStorage.removeItem(OUTBOX_COUNT_KEY);
    if (typeof indexedDB !== 'undefined') {
      await new Promise((resolve) => {
        const request = indexedDB.deleteDatabase(OUTBOX_DB);
        // Blocked: still open in a tab that did not let go; it completes once that one does.
        request.onsuccess = request.onerror = request.onblocked = resolve;
      });
    }
  }
  if (typeof caches !== 'undefined')
    await Promise.all([API_CACHE, PHOTO_CACHE].map((name) => caches.delete(name)));
}
