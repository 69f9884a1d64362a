// What the service worker reports to the page (src/lib/pwa.ts sets it, the layout shows it). A tiny
// store of its own, so the first load carries no Workbox code.
import { useSyncExternalStore } from 'react';

type PwaState = { needsRefresh: boolean; update: (() => Promise<void>) | null };

let state: PwaState = { needsRefresh: false, update: null };
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
