import { LIVE_EVENT_NAMES } from '@gridgov/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { INBOX_QUERY_KEY } from '@/features/cases/api/get-cases';

/** Changes arriving together (a bulk dispatch) refetch the inbox once. */
const REFETCH_DELAY_MS = 300;

/**
 * While the inbox is open, every case change in the person's territory (the server's event stream)
 * refetches it, so a newly reported case shows up within a second; after a dropped connection
 * everything is refetched, since changes may have been missed.
 */
export function useLiveInbox(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/events');
    let timer: ReturnType<typeof setTimeout> | undefined;
    let hasBeenOpen = false;
    const refetchSoon = () => {
      timer ??= setTimeout(() => {
        timer = undefined;
        void queryClient.invalidateQueries({ queryKey: INBOX_QUERY_KEY });
      }, REFETCH_DELAY_MS);
    };
    source.addEventListener(LIVE_EVENT_NAMES.ready, () => {
      if (hasBeenOpen) refetchSoon();
      hasBeenOpen = true;
    });
    source.addEventListener(LIVE_EVENT_NAMES.resync, refetchSoon);
    source.addEventListener(LIVE_EVENT_NAMES.case, refetchSoon);
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [queryClient]);
}
