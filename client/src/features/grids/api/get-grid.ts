import { type GridDetail, gridDetailSchema } from '@gridgov/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export function getGrid(gridId: string, { signal }: { signal?: AbortSignal } = {}): Promise<GridDetail> {
  return api.get(`/api/grids/${encodeURIComponent(gridId)}`, { signal, schema: gridDetailSchema });
}

export function getGridQueryOptions(gridId: string) {
  return queryOptions({
    queryKey: ['grids', 'detail', gridId],
    queryFn: ({ signal }) => getGrid(gridId, { signal }),
  });
}

export function useGrid(gridId: string) {
  return useQuery(getGridQueryOptions(gridId));
}
