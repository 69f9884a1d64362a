import { Router } from 'express';
import { z } from 'zod';
import { requireActor } from '../../lib/auth/middleware';
import type { AppContext } from '../../lib/context';
import { getGrid, listGridFeatures, listGrids } from './grids.service';

const listQuery = z.object({ villageId: z.uuid().optional() });
const idParams = z.object({ id: z.uuid() });

export function createGridsRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/grids', async (req, res) => {
    res.json(await listGrids(ctx, requireActor(req), listQuery.parse(req.query)));
  });
  router.get('/grids.geojson', async (req, res) => {
    // Read first: `res.type(…)` before the await would label an error answer GeoJSON too.
    const features = await listGridFeatures(ctx, requireActor(req));
    res.type('application/geo+json').send(JSON.stringify(features));
  });
  router.get('/grids/:id', async (req, res) => {
    const actor = requireActor(req);
    res.json(await getGrid(ctx, actor, idParams.parse(req.params).id));
  });
  return router;
}
