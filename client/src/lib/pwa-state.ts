// What the service worker reports to the page (src/lib/pwa.ts sets it, the layout shows it). A tiny
// store of its own, so the first load carries no Workbox code.
import { useSyncExternalStore } from 'react';

type PwaState = {
  needsRefresh: boolean;
  update: (() => Promise<void>) | null;
  /** The oldest answer on screen that came from the service worker's cache, not the server (ISO). */
  staleSince: string | null;
};

let state: PwaState = { needsRefresh: false, update: null, staleSince: null };

/** An answer older than this was served from the cache (the server dates every answer it sends). */
const FRESH_MS = 60_000;

/**
 * Called with each read's `Date` header: an old one means the page now shows what the server said back
 * then (offline, or a network too slow to answer); a fresh one means the server is reachable again.
 */
export function noteAnswerTime(dateHeader: string | null, now = Date.now()): void {
  const at = dateHeader ? Date.parse(dateHeader) : Number.NaN;
  if (Number.isNaN(at)) return;
  if (now - at <= FRESH_MS) {
    if (state.staleSince) setPwaState({ staleSince: null });
    return;
  }
  if (!state.staleSince || at < Date.parse(state.staleSince)) {
    setPwaState({ staleSince: new Date(at).toISOString() });
  }
}
const listeners = new Set<() => void>();

export function setPwaState(next: Partial<PwaState>): void {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A new version is installed and waits: `update` reloads the page onto it. */
export function usePwaState(): PwaState {
  return useSyncExternalStore(subscribe, () => state);
}

function subscribeOnline(listener: () => void) {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

/** Whether the browser believes it has a network (it may still fail: the requests say the rest). */
export function useIsOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, () => navigator.onLine);
}
