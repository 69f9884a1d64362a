import {
  type ImportCommitResponse,
  type ImportJob,
  importCommitResponseSchema,
  importJobSchema,
} from '@gridgov/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

const isRunning = (job: ImportJob | undefined) =>
  job?.status === 'validating' || job?.status === 'committing';

/** Polls while the server checks or commits the file. */
export function getImportJobQueryOptions(id: string) {
  return queryOptions({
    queryKey: ['admin-staff', 'import', id],
    queryFn: ({ signal }): Promise<ImportJob> =>
      apiRequest(`/api/admin/staff-imports/${encodeURIComponent(id)}`, { signal, schema: importJobSchema }),
    refetchInterval: (query) => (isRunning(query.state.data) ? 500 : false),
  });
}

export const useImportJob = (id: string | null) =>
  useQuery({ ...getImportJobQueryOptions(id ?? ''), enabled: Boolean(id) });

export function useUploadRoster() {
  return useMutation({
    mutationFn: (file: File): Promise<ImportJob> => {
      const form = new FormData();
      form.append('file', file);
      return apiRequest('/api/admin/staff-imports', { method: 'POST', body: form, schema: importJobSchema });
    },
  });
}

export function useCommitImport(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (): Promise<ImportCommitResponse> =>
      apiRequest(`/api/admin/staff-imports/${encodeURIComponent(id)}/commit`, {
        method: 'POST',
        schema: importCommitResponseSchema,
      }),
    onSuccess: (response) => {
      queryClient.setQueryData(getImportJobQueryOptions(id).queryKey, response.job);
      void queryClient.invalidateQueries({ queryKey: ['admin-staff'] });
    },
  });
}

export const buildProblemReportUrl = (id: string, format: 'csv' | 'xlsx', lang: string) =>
  `/api/admin/staff-imports/${encodeURIComponent(id)}/problems.${format}?lang=${encodeURIComponent(lang)}`;
