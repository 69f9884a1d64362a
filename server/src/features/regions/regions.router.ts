import { Router } from 'express';
import { requireActor } from '../../lib/auth/middleware';
import type { AppContext } from '../../lib/context';
import { getRegionTree } from './regions.service';

export function createRegionsRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/regions/tree', async (req, res) => {
    res.json(await getRegionTree(ctx, requireActor(req)));
  });
  return router;
}
