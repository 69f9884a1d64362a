import {
  type GridImportResult,
  type GridUpdateResult,
  gridImportResultSchema,
  gridUpdateResultSchema,
  type MergeGridsInput,
  type RegridResult,
  regridResultSchema,
  type SplitGridInput,
  type UpdateGridInput,
} from '@gridgov/shared';
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '@/lib/api-client';

/** Boundaries feed the map, the hierarchy and (after a split or merge) the cases' grids. */
function invalidateGeo(queryClient: QueryClient) {
  return Promise.all(
    [['grids'], ['regions'], ['cases']].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
  );
}

export function updateGrid(gridId: string, input: UpdateGridInput): Promise<GridUpdateResult> {
  return apiRequest(`/api/admin/grids/${encodeURIComponent(gridId)}`, {
    method: 'PATCH',
    body: input,
    schema: gridUpdateResultSchema,
  });
}

export function splitGrid(gridId: string, input: SplitGridInput): Promise<RegridResult> {
  return api.post(`/api/admin/grids/${encodeURIComponent(gridId)}/split`, input, {
    schema: regridResultSchema,
  });
}

export function mergeGrids(input: MergeGridsInput): Promise<RegridResult> {
  return api.post('/api/admin/grids/merge', input, { schema: regridResultSchema });
}

export function previewGridImport(file: unknown): Promise<GridImportResult> {
  return api.post('/api/admin/grids/import/preview', file, { schema: gridImportResultSchema });
}

export function commitGridImport(file: unknown): Promise<GridImportResult> {
  return api.post('/api/admin/grids/import', file, { schema: gridImportResultSchema });
}

export function useUpdateGrid() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ gridId, input }: { gridId: string; input: UpdateGridInput }) => updateGrid(gridId, input),
    onSuccess: () => invalidateGeo(queryClient),
  });
}

export function useSplitGrid() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ gridId, input }: { gridId: string; input: SplitGridInput }) => splitGrid(gridId, input),
    onSuccess: () => invalidateGeo(queryClient),
  });
}

export function useMergeGrids() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: mergeGrids, onSuccess: () => invalidateGeo(queryClient) });
}

export function usePreviewGridImport() {
  return useMutation({ mutationFn: previewGridImport });
}

export function useCommitGridImport() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: commitGridImport, onSuccess: () => invalidateGeo(queryClient) });
}

export const GRID_EXPORT_URL = '/api/admin/grids/export';
