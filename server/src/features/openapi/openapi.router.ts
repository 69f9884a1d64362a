import { Router } from 'express';
import { buildOpenApiDocument } from './openapi';

export function createOpenApiRouter(): Router {
  const document = buildOpenApiDocument();
  const router = Router();
  router.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  return router;
}
