import { createCategorySchema, updateCategorySchema } from '@gridgov/shared';
import { Router } from 'express';
import { z } from 'zod';
import { requireActor } from '../../lib/auth/middleware';
import type { AppContext } from '../../lib/context';
import { createCategory, listCategories, updateCategory } from './categories.service';

const codeParams = z.object({ code: z.string().min(1).max(40) });

export function createCategoriesRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/categories', async (req, res) => {
    requireActor(req);
    res.json(await listCategories(ctx));
  });
  router.post('/categories', async (req, res) => {
    const actor = requireActor(req);
    res.status(201).json(await createCategory(ctx, actor, createCategorySchema.parse(req.body)));
  });
  router.patch('/categories/:code', async (req, res) => {
    const actor = requireActor(req);
    const { code } = codeParams.parse(req.params);
    res.json(await updateCategory(ctx, actor, code, updateCategorySchema.parse(req.body)));
  });
  return router;
}
