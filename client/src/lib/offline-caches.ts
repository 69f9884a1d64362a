// Names of the service worker's runtime caches (vite.config.ts), shared with the code that wipes them.
import { readOutboxOwner, setOutboxOwner, wipeOutbox } from './outbox-count';

/** Last answers of API reads, served when the network is gone. Personal data: wiped at sign-out. */
export const API_CACHE = 'gridgov-api';
/** Case photos and thumbnails seen online. */
export const PHOTO_CACHE = 'gridgov-photos';

/**
 * Removes every trace of the signed-in person kept on this phone (a shared phone must not show the
 * previous user's cases): the service worker's caches, and the outbox with its drafts. A sign-in as the
 * person whose writes wait in the outbox keeps them (their session ran out in the field: decision 025).
 * Safe where Cache Storage or IndexedDB do not exist (tests, old browsers, plain HTTP).
 */
export async function clearOfflineData({ signedInAs }: { signedInAs?: string } = {}): Promise<void> {
  const keepsOutbox = signedInAs !== undefined && readOutboxOwner() === signedInAs;
  await Promise.all([
    typeof caches === 'undefined'
      ? null
      : Promise.all([API_CACHE, PHOTO_CACHE].map((name) => caches.delete(name))),
    keepsOutbox ? null : wipeOutbox(),
  ]);
  if (signedInAs) setOutboxOwner(signedInAs);
}
