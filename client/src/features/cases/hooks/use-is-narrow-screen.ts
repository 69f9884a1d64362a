import { useSyncExternalStore } from 'react';

/** Matches the stylesheet's phone breakpoint (styles.css). */
const NARROW_QUERY = '(max-width: 700px)';

function getMediaQuery(): MediaQueryList | null {
  return typeof window.matchMedia === 'function' ? window.matchMedia(NARROW_QUERY) : null;
}

function subscribe(onChange: () => void): () => void {
  const query = getMediaQuery();
  query?.addEventListener('change', onChange);
  return () => query?.removeEventListener('change', onChange);
}

/** True on phone-sized screens, where lists become cards; false where matchMedia is missing. */
export function useIsNarrowScreen(): boolean {
  return useSyncExternalStore(subscribe, () => getMediaQuery()?.matches ?? false);
}
