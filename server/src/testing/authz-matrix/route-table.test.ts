import express, { Router } from 'express';
import { describe, expect, it } from 'vitest';
import { listApiRoutes, listOpenApiOperations, toOpenApiPath } from './route-table';

describe('route table', () => {
  it('when routers are nested and mounted at prefixes, then every route is listed with its full path', () => {
    const app = express();
    const inner = Router();
    inner.get('/things/:id', (_req, res) => res.end());
    inner
      .route('/things')
      .get((_req, res) => res.end())
      .post((_req, res) => res.end());
    const api = Router();
    api.use(express.json());
    api.use(inner);
    api.use(
      '/nested',
      Router().put('/deep/:a/x.:format', (_req, res) => res.end()),
    );
    app.use('/api', api);
    app.get('/{*path}', (_req, res) => res.end());

    expect(listApiRoutes(app)).toEqual([
      'GET /api/things',
      'GET /api/things/:id',
      'POST /api/things',
      'PUT /api/nested/deep/:a/x.:format',
    ]);
  });

  it('when a router is mounted at a regular expression, then the walk refuses rather than hide its routes', () => {
    const app = express();
    app.use(
      /^\/api\/v\d/,
      Router().get('/x', (_req, res) => res.end()),
    );
    expect(() => listApiRoutes(app)).toThrow(/mount path/);
  });

  it('when paths are compared with the OpenAPI document, then parameters are written in braces', () => {
    expect(toOpenApiPath('/api/admin/staff-imports/:id/problems.:format')).toBe(
      '/api/admin/staff-imports/{id}/problems.{format}',
    );
    expect(
      listOpenApiOperations({
        paths: { '/api/a/{id}': { get: {}, patch: {}, parameters: [] }, '/api/b': { post: {} } },
      }),
    ).toEqual(['GET /api/a/{id}', 'PATCH /api/a/{id}', 'POST /api/b']);
  });
});
