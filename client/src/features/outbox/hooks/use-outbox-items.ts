import { useEffect, useState } from 'react';
import { listOutboxItems, type OutboxItem, readLastSyncAt, subscribeOutbox } from '@/lib/outbox/outbox';

export type OutboxView = { items: OutboxItem[]; lastSyncAt: string | null };

/** The outbox as stored on this phone, read again whenever the outbox changes (a send, a discard). */
export function useOutboxItems(): { view: OutboxView | null; error: unknown } {
  const [view, setView] = useState<OutboxView | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let isCurrent = true;
    const load = () => {
      Promise.all([listOutboxItems(), readLastSyncAt()])
        .then(([items, lastSyncAt]) => {
          if (isCurrent) setView({ items: [...items].reverse(), lastSyncAt });
        })
        .catch((cause: unknown) => isCurrent && setError(cause));
    };
    load();
    const unsubscribe = subscribeOutbox(load);
    // Another tab sent or queued something: its count changed in localStorage.
    window.addEventListener('storage', load);
    return () => {
      isCurrent = false;
      unsubscribe();
      window.removeEventListener('storage', load);
    };
  }, []);
  return { view, error };
}
