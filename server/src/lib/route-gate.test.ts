import type { AddressInfo } from 'node:net';
import express, { Router } from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { enteredByFirstSegment } from './route-gate';

const servers: { close: () => void }[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

async function serve(routers: Router[]) {
  const app = express();
  for (const router of routers) app.use(enteredByFirstSegment(router));
  app.use((req, res) => {
    res.status(404).json({ passedOn: req.path });
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  servers.push(server);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return async (path: string) => {
    const res = await fetch(base + path);
    return { status: res.status, body: (await res.json()) as unknown };
  };
}

function casesRouter() {
  const router = Router();
  router.get('/cases/:id', (req, res) => {
    res.json({ case: req.params.id });
  });
  router.get('/cases', (_req, res) => {
    res.json({ list: true });
  });
  return router;
}

describe('enteredByFirstSegment', () => {
  it('when a path starts with one of the router’s segments (any case), then its routes answer; otherwise the request passes on', async () => {
    const me = Router();
    me.get('/me', (_req, res) => {
      res.json({ me: true });
    });
    const get = await serve([casesRouter(), me]);
    expect(await get('/cases/42')).toEqual({ status: 200, body: { case: '42' } });
    expect(await get('/cases')).toEqual({ status: 200, body: { list: true } });
    expect(await get('/CASES/7')).toEqual({ status: 200, body: { case: '7' } });
    expect(await get('/me')).toEqual({ status: 200, body: { me: true } });
    expect((await get('/casesx')).status).toBe(404);
    expect((await get('/other/cases')).status).toBe(404);
  });

  it('when a router has middleware or a route starting with a parameter or pattern, then it is entered by every request', () => {
    const withMiddleware = Router();
    withMiddleware.use((_req, _res, next) => next());
    withMiddleware.get('/cases', (_req, res) => {
      res.end();
    });
    const withParameter = Router();
    withParameter.get('/:anything', (_req, res) => {
      res.end();
    });
    const withWildcard = Router();
    withWildcard.get('/{*path}', (_req, res) => {
      res.end();
    });
    for (const router of [withMiddleware, withParameter, withWildcard]) {
      expect(enteredByFirstSegment(router)).toBe(router);
    }
    expect(enteredByFirstSegment(casesRouter())).not.toBe(casesRouter());
  });
});
