import { type CoverageReport, coverageReportSchema } from '@gridgov/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export type CoverageLimits = { maxGridsPerLeader: number; minPatrollers: number };

export function getCoverageQueryOptions(limits: CoverageLimits) {
  return queryOptions({
    queryKey: ['admin-staff', 'coverage', limits],
    queryFn: ({ signal }): Promise<CoverageReport> =>
      apiRequest('/api/admin/coverage', { signal, schema: coverageReportSchema, query: limits }),
    placeholderData: keepPreviousData,
  });
}

export const useCoverage = (limits: CoverageLimits) => useQuery(getCoverageQueryOptions(limits));
