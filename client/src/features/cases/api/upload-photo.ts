import { type Upload, uploadSchema } from '@gridgov/shared';
import { api } from '@/lib/api-client';

/** One photo per request, so each file shows its own progress and error. */
export function uploadPhoto(file: File, { signal }: { signal?: AbortSignal } = {}): Promise<Upload> {
  const body = new FormData();
  body.append('file', file);
  return api.post('/api/uploads', body, { signal, schema: uploadSchema });
}
