// Keeps the outbox moving while the app is open: at start (items left by a reload or a closed tab), when
// the network returns, when the app comes back to the front, and every few seconds for the backoff.
import { syncOutbox } from './outbox-sync';

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
