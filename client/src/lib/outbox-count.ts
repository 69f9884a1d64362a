// The always-loaded end of the offline outbox (issue 14, decision 025): how many writes wait on this
// phone, for the header, and the wipe at sign-in/sign-out. Nothing here imports IndexedDB code; the
// outbox itself (lib/outbox/) arrives lazily and keeps this count up to date.
import { useSyncExternalStore } from 'react';

export const OUTBOX_DB_NAME = 'gridgov-outbox';
const COUNT_KEY = 'gridgov.outbox.count';
/** Whose writes the outbox holds: a sign-in as someone else wipes them, the same person keeps them. */
const OWNER_KEY = 'gridgov.outbox.owner';

function readStored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStored(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Private mode without storage: the count is then only this tab's.
  }
}

let count = Number(readStored(COUNT_KEY) ?? 0) || 0;
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

/** Called by the outbox after every change: items not yet sent (waiting, sending, needing attention). */
export function setOutboxCount(next: number): void {
  writeStored(COUNT_KEY, String(next));
  if (next === count) return;
  count = next;
  notify();
}

export function readOutboxCount(): number {
  return count;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  // Another tab of the app changed the outbox.
  const onStorage = (event: StorageEvent) => {
    if (event.key !== COUNT_KEY) return;
    count = Number(event.newValue ?? 0) || 0;
    listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function useOutboxCount(): number {
  return useSyncExternalStore(subscribe, () => count);
}

export function readOutboxOwner(): string | null {
  return readStored(OWNER_KEY);
}

export function setOutboxOwner(staffId: string): void {
  writeStored(OWNER_KEY, staffId);
}

/**
 * Deletes the outbox and the drafts (the whole IndexedDB database). An open connection in this or
 * another tab closes itself on the deletion's `versionchange` (lib/outbox/outbox-db.ts).
 */
export async function wipeOutbox(): Promise<void> {
  writeStored(OWNER_KEY, null);
  setOutboxCount(0);
  if (typeof indexedDB === 'undefined') return;
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(OUTBOX_DB_NAME);
    request.onsuccess = () => resolve();
    request.onerror = () => resolve();
    // Still open somewhere that did not let go: the deletion completes once it does.
    request.onblocked = () => resolve();
  });
}
