import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api-client';
import { downloadExport, type ExportProgress } from './download-export';

const encoder = new TextEncoder();

function streamOf(parts: string[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const part of parts) controller.enqueue(encoder.encode(part));
      controller.close();
    },
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('downloadExport', () => {
  it('when a CSV streams in chunks, then progress counts rows against X-Total-Count and the file is whole', async () => {
    const parts = ['\uFEFF编号,描述\r\n2026-1,"两行\n描述"\r\n', '2026-2,路灯', '\r\n2026-3,垃圾\r\n'];
    const fetchMock = vi.fn(
      async (_url: RequestInfo | URL, _init?: RequestInit) =>
        new Response(streamOf(parts), {
          headers: {
            'Content-Type': 'text/csv; charset=utf-8',
            'X-Total-Count': '3',
            'Content-Disposition': `attachment; filename="x.csv"; filename*=UTF-8''${encodeURIComponent('事件-2026-11-29.csv')}`,
          },
        }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const progress: ExportProgress[] = [];

    const file = await downloadExport('/api/cases/export', { overdue: 'true', q: '' }, 'csv', {
      onProgress: (p) => progress.push(p),
    });

    expect(String(fetchMock.mock.calls[0]![0])).toBe('/api/cases/export?overdue=true&format=csv');
    expect(progress.map((p) => p.rows)).toEqual([0, 1, 1, 3]);
    expect(progress.every((p) => p.total === 3)).toBe(true);
    expect(progress.at(-1)!.bytes).toBe(parts.reduce((n, p) => n + encoder.encode(p).length, 0));
    expect(file).toMatchObject({ fileName: '事件-2026-11-29.csv', rows: 3 });
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(file.blob);
    });
    expect(text).toBe(parts.join('').slice(1));
    expect(file.blob.size).toBe(progress.at(-1)!.bytes);
  });

  it('when the server refuses, then the shared error shape becomes an ApiError and nothing is saved', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        Response.json({ error: { code: 'forbidden', message: 'Exports are for leaders' } }, { status: 403 }),
      ),
    );
    const failure = downloadExport('/api/cases/export', {}, 'xlsx');
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ status: 403, code: 'forbidden' });
  });
});
