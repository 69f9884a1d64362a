import { EXPORT_ROW_COUNT_HEADER, type ExportFormat } from '@gridgov/shared';
import { apiFetch, type QueryValue } from '@/lib/api-client';
import { createCsvRecordCounter } from '../utils/csv-row-counter';
import { readFileName } from '../utils/file-name';

export type ExportProgress = {
  bytes: number;
  /** Data rows received so far; null when the format cannot be counted while streaming (XLSX). */
  rows: number | null;
  /** Rows the server announced (X-Total-Count), if it did. */
  total: number | null;
};

export type ExportFile = { blob: Blob; fileName: string; rows: number | null };

const MIME: Record<ExportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Streams an export endpoint, reporting bytes and (for CSV) rows as they arrive, and returns the file.
 * The body is read chunk by chunk so progress is live; the chunks then make one Blob.
 */
export async function downloadExport(
  path: string,
  query: Record<string, QueryValue>,
  format: ExportFormat,
  { signal, onProgress }: { signal?: AbortSignal; onProgress?: (progress: ExportProgress) => void } = {},
): Promise<ExportFile> {
  const response = await apiFetch(path, { query: { ...query, format }, signal });
  const totalHeader = response.headers.get(EXPORT_ROW_COUNT_HEADER);
  const total = totalHeader !== null && /^\d+$/.test(totalHeader) ? Number(totalHeader) : null;
  const fileName = readFileName(response.headers.get('Content-Disposition'), `export.${format}`);
  const counter = format === 'csv' ? createCsvRecordCounter() : null;
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let bytes = 0;
  let rows: number | null = counter ? 0 : null;
  onProgress?.({ bytes, rows, total });
  const reader = (response.body as ReadableStream<Uint8Array<ArrayBuffer>>).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    bytes += value.byteLength;
    // The header line is a record too.
    if (counter) rows = Math.max(0, counter.push(value) - 1);
    onProgress?.({ bytes, rows, total });
  }
  return { blob: new Blob(chunks, { type: MIME[format] }), fileName, rows: rows ?? total };
}
