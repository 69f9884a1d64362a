import type { ExportFormat } from '@gridgov/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { QueryValue } from '@/lib/api-client';
import { downloadExport, type ExportProgress } from '../api/download-export';
import { saveBlob } from '../utils/save-blob';

export type ExportState =
  | { status: 'idle' }
  | { status: 'running'; format: ExportFormat; progress: ExportProgress }
  | { status: 'done'; format: ExportFormat; fileName: string; rows: number | null; bytes: number }
  | { status: 'error'; format: ExportFormat; error: unknown };

/**
 * One export at a time: start streams the file with live progress and saves it; cancel aborts the
 * request (the server stops reading the database when the connection closes).
 */
export function useExportDownload(path: string, query: Record<string, QueryValue>) {
  const [state, setState] = useState<ExportState>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(
    async (format: ExportFormat) => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      setState({ status: 'running', format, progress: { bytes: 0, rows: null, total: null } });
      try {
        const file = await downloadExport(path, query, format, {
          signal: abort.signal,
          onProgress: (progress) => setState({ status: 'running', format, progress }),
        });
        saveBlob(file.blob, file.fileName);
        setState({ status: 'done', format, fileName: file.fileName, rows: file.rows, bytes: file.blob.size });
      } catch (error) {
        if (abort.signal.aborted) setState({ status: 'idle' });
        else setState({ status: 'error', format, error });
      } finally {
        if (controller.current === abort) controller.current = null;
      }
    },
    [path, query],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);

  return { state, start, cancel };
}
