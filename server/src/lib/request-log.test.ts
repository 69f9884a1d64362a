import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { requestLog } from './request-log';

const servers: { close: () => void }[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

async function start(level: string) {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(JSON.parse(String(chunk)));
      callback();
    },
  });
  const app = express();
  app.use(requestLog(pino({ level }, sink), { skip: (url) => url === '/health' }));
  app.get('/ok', (req, res) => {
    res.json({ id: req.id });
  });
  app.get('/health', (_req, res) => {
    res.json({});
  });
  app.get('/boom', (_req, res) => {
    res.status(500).json({});
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  servers.push(server);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The line is written on 'finish', which may come a tick after the client has the answer.
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
  return { url, lines, settle };
}

describe('requestLog', () => {
  it('when a request is answered, then one info line carries its id, method, url, status and time', async () => {
    const { url, lines, settle } = await start('info');
    const res = await fetch(`${url}/ok?x=1`);
    const body = (await res.json()) as { id: string };
    await settle();
    expect(res.headers.get('x-request-id')).toBe(body.id);
    expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: 'request completed',
      reqId: body.id,
      req: { method: 'GET', url: '/ok?x=1' },
      res: { statusCode: 200 },
    });
    expect(typeof lines[0]?.responseTime).toBe('number');
  });

  it('when the caller sends a well-formed id it is kept; a malformed one is replaced', async () => {
    const { url } = await start('info');
    const kept = await fetch(`${url}/ok`, { headers: { 'x-request-id': 'trace-123' } });
    expect(kept.headers.get('x-request-id')).toBe('trace-123');
    const replaced = await fetch(`${url}/ok`, { headers: { 'x-request-id': 'bad id\u00e9' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('when the answer is a 5xx, then the line is an error; the health probe is not logged', async () => {
    const { url, lines, settle } = await start('info');
    await fetch(`${url}/health`);
    await fetch(`${url}/boom`);
    await settle();
    expect(lines.map((l) => [l.level, l.msg])).toEqual([[50, 'request errored']]);
  });

  it('when the level is above info, then nothing is logged but the id is still set', async () => {
    const { url, lines, settle } = await start('warn');
    const res = await fetch(`${url}/boom`);
    await settle();
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines).toEqual([]);
  });
});
