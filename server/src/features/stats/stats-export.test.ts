import { createTestTown, type TestTown } from '@gridgov/db/testing';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpClient, startTestApp, type TestApp } from '../../testing/test-app';
import { signedIn } from '../cases/cases-testing';
import { type Cast, playCase, windowAroundToday } from './stats-testing';

let app: TestApp;
let town: TestTown;
let cast: Cast;
let window: { from: string; to: string };

beforeAll(async () => {
  app = await startTestApp();
  town = await createTestTown(app.db.prisma);
  cast = {
    worker: await signedIn(app, town.workers[0]![0]!.username),
    leader: await signedIn(app, town.leaders[0]!.username),
    townLeader: await signedIn(app, town.townLeader.username),
  };
  await playCase(app, town, cast, { v: 0, g: 0 }, 'closed');
  await playCase(app, town, cast, { v: 0, g: 0 }, 'overdue');
  await playCase(app, town, cast, { v: 0, g: 1 }, 'accepted');
  window = windowAroundToday();
}, 180_000);
afterAll(() => app?.close());

async function download(client: HttpClient, path: string) {
  const session = client.cookie('gridgov_session');
  const response = await fetch(app.url + path, { headers: { cookie: `gridgov_session=${session}` } });
  return {
    status: response.status,
    headers: response.headers,
    bytes: new Uint8Array(await response.arrayBuffer()),
  };
}

const query = (extra: Record<string, string>) => new URLSearchParams({ ...window, ...extra }).toString();

describe('GET /api/stats/breakdown/export', () => {
  it('when not signed in, then 401', async () => {
    const res = await app.client().get(`/api/stats/breakdown/export?${query({ by: 'grid', format: 'csv' })}`);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
  });

  it('when a grid worker asks, then 403', async () => {
    const res = await cast.worker.get(`/api/stats/breakdown/export?${query({ by: 'grid', format: 'csv' })}`);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
  });

  it('when the dimension, format or window is invalid, then 400 in the shared shape', async () => {
    for (const q of [
      query({ by: 'town', format: 'csv' }),
      query({ by: 'grid', format: 'pdf' }),
      query({ by: 'grid' }),
      new URLSearchParams({ from: window.to, to: window.from, by: 'grid', format: 'csv' }).toString(),
    ]) {
      const res = await cast.townLeader.get(`/api/stats/breakdown/export?${q}`);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
  });

  it('when a town leader exports the grid ranking as CSV, then it holds the breakdown’s rows and figures, best first', async () => {
    const breakdown = await cast.townLeader.get(`/api/stats/breakdown?${query({ by: 'grid' })}`);
    expect(breakdown.status).toBe(200);
    const file = await download(
      cast.townLeader,
      `/api/stats/breakdown/export?${query({ by: 'grid', format: 'csv' })}`,
    );
    expect(file.status).toBe(200);
    expect(file.headers.get('x-total-count')).toBe(String(breakdown.body.items.length));
    expect(file.headers.get('content-disposition')).toContain(
      encodeURIComponent(`网格排名-${window.from}至${window.to}.csv`),
    );
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(file.bytes);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parse(text.slice(1)) as string[][];
    expect(header!.slice(0, 2)).toEqual(['名次', '网格']);
    expect(header).toContain('按期结案率（%）');
    expect(rows).toHaveLength(breakdown.body.items.length);
    const col = (name: string) => header!.indexOf(name);
    for (const item of breakdown.body.items) {
      const row = rows.find((r) => r[col('编码')] === item.code)!;
      expect(row[col('网格')]).toBe(item.name);
      expect(Number(row[col('收到事件')])).toBe(item.figures.received);
      expect(Number(row[col('结案')])).toBe(item.figures.closed);
      expect(Number(row[col('超期未结')])).toBe(item.figures.overdue);
      const rate = row[col('按期结案率（%）')];
      expect(rate === '' ? null : Number(rate)).toBe(
        item.figures.onTimeRate === null ? null : Math.round(item.figures.onTimeRate * 1000) / 10,
      );
    }
    const rates = rows
      .map((r) => r[col('按期结案率（%）')])
      .filter((r) => r !== '')
      .map(Number);
    expect(rates).toEqual([...rates].sort((a, b) => b - a));
    expect(rows.map((r) => r[0])).toEqual(rows.map((_, i) => String(i + 1)));
    // The grid with a closed and an overdue case: 1 on time / (1 closed + 1 open overdue) = 50%.
    const first = rows.find((r) => r[col('编码')] === town.grids[0]![0]!.code)!;
    expect(first[col('按期结案率（%）')]).toBe('50');
  });

  it('when a grid leader exports the village ranking as XLSX, then a workbook of their scope comes back', async () => {
    const breakdown = await cast.leader.get(`/api/stats/breakdown?${query({ by: 'village' })}`);
    const file = await download(
      cast.leader,
      `/api/stats/breakdown/export?${query({ by: 'village', format: 'xlsx' })}`,
    );
    expect(file.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.bytes) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('村（社区）排名');
    expect(sheet.rowCount).toBe(breakdown.body.items.length + 1);
    expect((sheet.getRow(1).values as unknown[]).slice(1, 3)).toEqual(['名次', '村（社区）']);
  });
});
