// How many writes wait on this phone (for the header's "3 条待上传") and whose they are (issue 14,
// decision 025). Kept in localStorage and announced with a window event, so the header's small lazy
// badge reads it without importing any outbox code.
import { OUTBOX_COUNT_KEY } from '../offline-caches';

/** Fired on window after the count changes in this tab (other tabs get the `storage` event). */
export const OUTBOX_COUNT_EVENT = 'gridgov-outbox-count';
/** A sign-in as someone else wipes the outbox; the same person keeps it (decision 025). */
const OWNER_KEY = 'gridgov.outbox.owner';

export function readOutboxCount(): number {
  try {
    return Number(localStorage.getItem(OUTBOX_COUNT_KEY)) || 0;
  } catch {
    return 0;
  }
}

/** Called by the outbox after every change: items not yet sent (waiting, sending, needing attention). */
export function setOutboxCount(next: number): void {
  try {
    localStorage.setItem(OUTBOX_COUNT_KEY, String(next));
  } catch {
    // Private mode without storage: the header then shows no count.
  }
  window.dispatchEvent(new Event(OUTBOX_COUNT_EVENT));
}

export function readOutboxOwner(): string | null {
  try {
    return localStorage.getItem(OWNER_KEY);
  } catch {
    return null;
  }
}

export function setOutboxOwner(staffId: string): void {
  try {
    localStorage.setItem(OWNER_KEY, staffId);
  } catch {
    // Private mode without storage: every sign-in then starts with an empty outbox.
  }
}
