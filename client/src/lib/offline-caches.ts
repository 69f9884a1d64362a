// Names of the service worker's runtime caches (vite.config.ts), shared with the code that wipes them.

/** Last answers of API reads, served when the network is gone. Personal data: wiped at sign-out. */
export const API_CACHE = 'gridgov-api';
/** Case photos and thumbnails seen online. */
export const PHOTO_CACHE = 'gridgov-photos';

/**
 * Removes every trace of the signed-in person the service worker kept (a shared phone must not show the
 * previous user's cases). Safe where Cache Storage does not exist (tests, old browsers, plain HTTP).
 */
export async function clearOfflineData(): Promise<void> {
  if (typeof caches === 'undefined') return;
  await Promise.all([API_CACHE, PHOTO_CACHE].map((name) => caches.delete(name)));
}
