import { Router } from 'express';
import { requireActor } from '../../lib/auth/middleware';
import type { AppContext } from '../../lib/context';
import { listCategories } from './categories.service';

export function createCategoriesRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/categories', async (req, res) => {
    requireActor(req);
    res.json(await listCategories(ctx));
  });
  return router;
}
