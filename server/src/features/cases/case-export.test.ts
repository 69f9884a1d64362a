import { createTestTown, type TestTown } from '@gridgov/db/testing';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpClient, startTestApp, type TestApp } from '../../testing/test-app';
import { CASE_EXPORT_COLUMNS } from './case-export.columns';
import { act, report, signedIn } from './cases-testing';

let app: TestApp;
let town: TestTown;
let other: TestTown;
let townLeader: HttpClient;
let leader: HttpClient;

const HOSTILE = [
  '=HYPERLINK("http://evil.example","点我")',
  '+1+1 加号开头',
  '-2 减号开头',
  '@SUM(A1) 艾特开头',
];

beforeAll(async () => {
  app = await startTestApp();
  town = await createTestTown(app.db.prisma);
  other = await createTestTown(app.db.prisma);
  townLeader = await signedIn(app, town.townLeader.username);
  leader = await signedIn(app, town.leaders[0]!.username);
  const worker = await signedIn(app, town.workers[0]![0]!.username);
  const farWorker = await signedIn(app, town.workers[1]![1]!.username);
  for (const description of HOSTILE) await report(worker, town, { description });
  await report(worker, town, { description: '含有逗号, "引号" 和\n换行的描述' });
  const far = await report(farWorker, town, {
    location: town.pointIn(1, 1),
    description: '第二村的路灯坏了',
  });
  await act(townLeader, far.body.id, { action: 'accept' });
  const stranger = await signedIn(app, other.workers[0]![0]!.username);
  await report(stranger, other, { description: '别的镇的事件不应导出' });
});
afterAll(() => app?.close());

interface Download {
  status: number;
  headers: Headers;
  bytes: Uint8Array;
  chunks: number;
}

/** GET with the client's session, reading the body chunk by chunk as a browser would. */
async function download(client: HttpClient | null, path: string): Promise<Download> {
  const session = client?.cookie('gridgov_session');
  const response = await fetch(app.url + path, {
    headers: session ? { cookie: `gridgov_session=${session}` } : {},
  });
  const parts: Uint8Array[] = [];
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
  }
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return { status: response.status, headers: response.headers, bytes, chunks: parts.length };
}

function readCsv(bytes: Uint8Array): string[][] {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  expect(text.startsWith('\uFEFF')).toBe(true);
  return parse(text.slice(1), { relaxColumnCount: false }) as string[][];
}

async function listNumbers(client: HttpClient, query: string): Promise<string[]> {
  const numbers: string[] = [];
  let cursor = '';
  do {
    const res = await client.get(`/api/cases?limit=2&${query}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status).toBe(200);
    numbers.push(...res.body.items.map((c: { number: string }) => c.number));
    cursor = res.body.nextCursor ?? '';
  } while (cursor);
  return numbers;
}

describe('GET /api/cases/export', () => {
  it('when not signed in, then 401 in the shared error shape', async () => {
    const res = await app.client().get('/api/cases/export?format=csv');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
  });

  it('when a grid worker or patroller asks, then 403', async () => {
    for (const username of [town.workers[0]![0]!.username, town.patrollers[0]!.username]) {
      const res = await (await signedIn(app, username)).get('/api/cases/export?format=csv');
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
  });

  it('when the format or a filter is invalid, then 400 and no file', async () => {
    for (const query of ['', 'format=pdf', 'format=csv&from=yesterday', 'format=csv&gridId=nope']) {
      const res = await townLeader.get(`/api/cases/export?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.headers.get('content-disposition')).toBeNull();
    }
  });

  it.each([
    ['town leader, no filter', 'town', ''],
    ['town leader, one grid', 'town', `gridId=GRID00`],
    ['town leader, keyword', 'town', 'q=%E5%BC%80%E5%A4%B4'],
    ['town leader, status and oldest first', 'town', 'status=accepted,dispatched&sort=reported_asc'],
    ['grid leader of village 1 (grid scope)', 'leader', ''],
  ])('when %s, then the CSV holds exactly the list’s cases in the list’s order', async (_, who, raw) => {
    const client = who === 'town' ? townLeader : leader;
    const query = raw.replace('GRID00', town.grids[0]![0]!.id);
    const expected = await listNumbers(client, query);
    expect(expected.length).toBeGreaterThan(0);
    const file = await download(client, `/api/cases/export?format=csv&${query}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(file.headers.get('x-total-count')).toBe(String(expected.length));
    const [header, ...rows] = readCsv(file.bytes);
    expect(header).toEqual(CASE_EXPORT_COLUMNS.map((c) => c.header));
    expect(rows.map((r) => r[0])).toEqual(expected);
  });

  it('when downloaded, then the file name carries today’s date, in ASCII and in UTF-8', async () => {
    const file = await download(townLeader, '/api/cases/export?format=csv');
    const disposition = file.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(/^attachment; filename="__-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent('事件-')}`);
  });

  it('when a description starts with = + - or @, then the CSV cell is text, not a formula', async () => {
    const [, ...rows] = readCsv((await download(townLeader, '/api/cases/export?format=csv')).bytes);
    const descriptions = rows.map((r) => r[6]!);
    for (const hostile of HOSTILE) {
      expect(descriptions).toContain(`'${hostile}`);
      expect(descriptions).not.toContain(hostile);
    }
    expect(descriptions).toContain('含有逗号, "引号" 和\n换行的描述');
  });

  it('when XLSX is asked, then a workbook with Chinese headers and the same cases comes back', async () => {
    const expected = await listNumbers(townLeader, '');
    const file = await download(townLeader, '/api/cases/export?format=xlsx');
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.bytes) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
    expect(values(1)).toEqual(CASE_EXPORT_COLUMNS.map((c) => c.header));
    const numbers = [];
    for (let r = 2; r <= sheet.rowCount; r++) numbers.push(values(r)[0]);
    expect(numbers).toEqual(expected);
    // A string cell stays a string: nothing becomes a formula.
    const hostileCell = sheet.getColumn(7).values.find((v) => typeof v === 'string' && v.startsWith('=HYP'));
    expect(hostileCell).toBe(HOSTILE[0]);
  });
});

describe('GET /api/cases/export with many rows', () => {
  it('when 5,000 cases match, then all arrive once, in order, streamed in chunks', async () => {
    const big = await createTestTown(app.db.prisma);
    const category = await app.db.prisma.category.findUniqueOrThrow({
      where: { code: 'sanitation.garbage' },
      select: { id: true },
    });
    const grid = big.grids[0]![0]!;
    const start = Date.parse('2026-01-01T00:00:00Z');
    // One statement: Prisma's createMany of 5,000 rows is slow on the embedded database.
    await app.db.prisma.$executeRaw`
      INSERT INTO "Case" ("id", "townId", "number", "categoryId", "gridId", "villageId", "reporterId",
                          "description", "reportedAt", "updatedAt")
      SELECT gen_random_uuid(), ${big.townId}::uuid, '2026-' || lpad(i::text, 6, '0'), ${category.id}::uuid,
             ${grid.id}::uuid, ${big.villageIds[0]}::uuid, ${big.workers[0]![0]!.id}::uuid, '批量事件 ' || i,
             -- Pairs share a timestamp, so paging must also order by id.
             ${new Date(start)}::timestamptz + ((i - 1) / 2) * interval '1 minute', now()
      FROM generate_series(1, 5000) AS i`;
    // The embedded database blocks the event loop during the insert; let idle keep-alive sockets that
    // the server closed meanwhile be noticed before the next request reuses one.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const client = await signedIn(app, big.townLeader.username);
    const file = await download(client, '/api/cases/export?format=csv&sort=reported_asc');
    expect(file.status).toBe(200);
    expect(file.headers.get('transfer-encoding')).toBe('chunked');
    expect(file.headers.get('content-length')).toBeNull();
    expect(file.headers.get('x-total-count')).toBe('5000');
    expect(file.chunks).toBeGreaterThan(1);
    const [, ...rows] = readCsv(file.bytes);
    expect(rows).toHaveLength(5_000);
    const numbers = rows.map((r) => r[0]);
    expect(new Set(numbers).size).toBe(5_000);
    const reported = rows.map((r) => r[10]!);
    expect([...reported].sort()).toEqual(reported);

    const xlsx = await download(client, '/api/cases/export?format=xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.bytes) as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.rowCount).toBe(5_001);
  }, 180_000);
});
