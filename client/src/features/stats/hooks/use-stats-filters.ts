import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { parseStatsFilters, type StatsFilters, writeStatsFilters } from '../utils/stats-filters';

/** The statistics filters live in the URL, so a view can be shared and bookmarked. */
export function useStatsFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => parseStatsFilters(searchParams), [searchParams]);
  const updateFilters = useCallback(
    (changes: Partial<StatsFilters>) =>
      setSearchParams((params) => writeStatsFilters({ ...parseStatsFilters(params), ...changes }), {
        replace: true,
      }),
    [setSearchParams],
  );
  const resetFilters = useCallback(
    () => setSearchParams(new URLSearchParams(), { replace: true }),
    [setSearchParams],
  );
  return { filters, updateFilters, resetFilters };
}
