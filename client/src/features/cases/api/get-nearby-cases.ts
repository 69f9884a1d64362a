import { type CaseSummary, caseListSchema, type LonLat } from '@gridgov/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { CASES_QUERY_KEY } from './get-cases';

const nearbyCasesSchema = caseListSchema.pick({ items: true });

export type NearbyCasesInput = { categoryCode: string; location: LonLat };

/** Open cases of the same category within 50 m, reported in the last 14 days: likely the same problem. */
export function getNearbyCases(
  { categoryCode, location }: NearbyCasesInput,
  { signal }: { signal?: AbortSignal } = {},
): Promise<{ items: CaseSummary[] }> {
  return api.get('/api/cases/nearby', {
    signal,
    schema: nearbyCasesSchema,
    query: { categoryCode, lon: location.lon, lat: location.lat },
  });
}

export function getNearbyCasesQueryOptions(input: NearbyCasesInput | null) {
  return queryOptions({
    queryKey: [...CASES_QUERY_KEY, 'nearby', input],
    queryFn: ({ signal }) => (input ? getNearbyCases(input, { signal }) : { items: [] }),
    enabled: input !== null,
    select: (data) => data.items,
  });
}

export function useNearbyCases(input: NearbyCasesInput | null) {
  return useQuery(getNearbyCasesQueryOptions(input));
}
