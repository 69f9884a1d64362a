import { type ClientRequest, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestTown, TEST_PASSWORD, type TestTown } from '@gridgov/db/testing';
import express from 'express';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app';
import { createLoadShedder } from './load-shedding';

/**
 * Holds one slot without any timing: a POST that sends its headers and part of its body, so the
 * request is admitted and then waits for the rest of the body for as long as the test wants.
 */
function holdSlot(app: TestApp): { request: ClientRequest; answered: Promise<number> } {
  const url = new URL('/api/cases', app.url);
  const held = request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': '1000' },
  });
  const answered = new Promise<number>((resolve) => {
    held.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    held.on('error', () => resolve(0));
  });
  held.write('{"description":"');
  return { request: held, answered };
}

async function waitForLoad(app: TestApp, expected: { inFlight: number; queued: number }) {
  await vi.waitFor(() => expect(app.ctx.load.stats()).toMatchObject(expected), { timeout: 10_000 });
}

describe('load shedding (tiny limits: 2 at once, 1 waiting)', () => {
  let app: TestApp;
  let town: TestTown;

  beforeAll(async () => {
    app = await startTestApp({
      MAX_CONCURRENT_REQUESTS: '2',
      MAX_QUEUED_REQUESTS: '1',
      QUEUE_TIMEOUT_MS: '60000',
    });
    town = await createTestTown(app.db.prisma);
  });
  afterAll(() => app?.close());

  it('when the slots and the queue are full, then more requests get 503 overloaded with Retry-After while health, the CSRF token and sign-in still answer, and the instance serves normally after', async () => {
    const worker = app.client();
    await worker.signIn(town.workers[0]![0]!.username, TEST_PASSWORD);
    const held = [holdSlot(app), holdSlot(app)];
    await waitForLoad(app, { inFlight: 2, queued: 0 });
    const waiting = worker.get('/api/cases?limit=5');
    await waitForLoad(app, { inFlight: 2, queued: 1 });

    const shed = await worker.get('/api/cases?limit=5');
    expect(shed.status).toBe(503);
    expect(shed.body).toMatchObject({ error: { code: 'overloaded', message: expect.any(String) } });
    expect(Number(shed.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);

    expect((await app.client().get('/api/health')).status).toBe(200);
    expect((await app.client().get('/api/auth/csrf')).status).toBe(200);
    const newcomer = app.client();
    expect((await newcomer.signIn(town.leaders[0]!.username, TEST_PASSWORD)).status).toBe(200);

    for (const slot of held) slot.request.destroy();
    expect((await waiting).status).toBe(200);
    await waitForLoad(app, { inFlight: 0, queued: 0 });
    const after = await Promise.all([worker.get('/api/cases?limit=5'), newcomer.get('/api/cases?limit=5')]);
    expect(after.map((r) => r.status)).toEqual([200, 200]);
  });

  it('when a waiting client goes away, then it leaves the queue and the next one waits in its place', async () => {
    const worker = app.client();
    await worker.signIn(town.workers[0]![0]!.username, TEST_PASSWORD);
    const held = [holdSlot(app), holdSlot(app)];
    await waitForLoad(app, { inFlight: 2, queued: 0 });
    const gone = new AbortController();
    const abandoned = fetch(`${app.url}/api/cases`, { signal: gone.signal }).catch(() => 'aborted');
    await waitForLoad(app, { inFlight: 2, queued: 1 });
    gone.abort();
    expect(await abandoned).toBe('aborted');
    await waitForLoad(app, { inFlight: 2, queued: 0 });

    const next = worker.get('/api/cases?limit=5');
    await waitForLoad(app, { inFlight: 2, queued: 1 });
    for (const slot of held) slot.request.destroy();
    expect((await next).status).toBe(200);
    await waitForLoad(app, { inFlight: 0, queued: 0 });
  });

  it('when the event stream is open, then it holds no slot', async () => {
    const worker = app.client();
    await worker.signIn(town.workers[0]![0]!.username, TEST_PASSWORD);
    const stream = new AbortController();
    const response = await fetch(`${app.url}/api/events`, {
      headers: { cookie: `gridgov_session=${worker.cookie('gridgov_session')}` },
      signal: stream.signal,
    });
    try {
      expect(response.status).toBe(200);
      expect(app.ctx.load.stats()).toMatchObject({ inFlight: 0, queued: 0 });
    } finally {
      stream.abort();
    }
  });
});

describe('load shedding (a request waits longer than QUEUE_TIMEOUT_MS)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({
      MAX_CONCURRENT_REQUESTS: '1',
      MAX_QUEUED_REQUESTS: '5',
      QUEUE_TIMEOUT_MS: '20',
    });
  });
  afterAll(() => app?.close());

  it('when a request waits past the queue timeout, then it is shed with 503 and leaves the queue', async () => {
    const held = holdSlot(app);
    await waitForLoad(app, { inFlight: 1, queued: 0 });
    const late = await app.client().get('/api/cases');
    expect(late.status).toBe(503);
    expect(late.headers.get('retry-after')).toBe('1');
    expect(app.ctx.load.stats()).toMatchObject({ inFlight: 1, queued: 0 });
    held.request.destroy();
    await waitForLoad(app, { inFlight: 0, queued: 0 });
    expect((await app.client().get('/api/cases')).status).toBe(401);
  });
});

describe('load shedding (the event loop is behind)', () => {
  // The middleware alone: a request that reaches it 100 ms into one busy turn of the event loop (as
  // when PGlite answers request after request in one turn) has waited that long unread.
  async function requestAfterBusyTurn(maxDelayMs: number): Promise<Response> {
    const shedder = createLoadShedder(
      {
        MAX_CONCURRENT_REQUESTS: 10,
        MAX_QUEUED_REQUESTS: 10,
        QUEUE_TIMEOUT_MS: 1000,
        MAX_EVENT_LOOP_DELAY_MS: maxDelayMs,
      },
      pino({ level: 'silent' }),
    );
    const app = express();
    app.use((_req, _res, next) => {
      const until = Date.now() + 100;
      while (Date.now() < until) {
        // The busy turn.
      }
      next();
    });
    app.use(shedder);
    app.get('/work', (_req, res) => {
      res.json({ done: true });
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      return await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/work`);
    } finally {
      server.close();
    }
  }

  it('when a request arrives further into a busy turn than MAX_EVENT_LOOP_DELAY_MS, then it is shed with 503', async () => {
    const response = await requestAfterBusyTurn(50);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(await response.json()).toMatchObject({ error: { code: 'overloaded' } });
  });

  it('when MAX_EVENT_LOOP_DELAY_MS is 0, then the same request is served', async () => {
    expect((await requestAfterBusyTurn(0)).status).toBe(200);
  });
});
