import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { CaseFilters } from '../api/get-cases';
import { DEFAULT_CASE_FILTERS, parseCaseFilters, writeCaseFilters } from '../utils/case-filters';

/** The case list's filters live in the URL, so a filtered list can be shared, bookmarked and gone back to. */
export function useCaseFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => parseCaseFilters(searchParams), [searchParams]);

  const updateFilters = useCallback(
    (changes: Partial<CaseFilters>) =>
      setSearchParams((params) => writeCaseFilters({ ...parseCaseFilters(params), ...changes }, params)),
    [setSearchParams],
  );
  const resetFilters = useCallback(
    () => setSearchParams((params) => writeCaseFilters(DEFAULT_CASE_FILTERS, params)),
    [setSearchParams],
  );

  return { filters, updateFilters, resetFilters };
}
