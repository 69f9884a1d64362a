import { clearSignInThrottleSchema } from '@gridgov/shared';
import { Router } from 'express';
import { requireActor } from '../../lib/auth/middleware';
import type { AppContext } from '../../lib/context';
import { clearSignInThrottle, listSignInThrottles } from './sign-in-throttles.service';

export function createSignInThrottlesRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/admin/sign-in-throttles', async (req, res) => {
    res.json(await listSignInThrottles(ctx, requireActor(req)));
  });
  router.post('/admin/sign-in-throttles/clear', async (req, res) => {
    const source = { actor: requireActor(req), ip: req.ip ?? null };
    res.json(await clearSignInThrottle(ctx, source, clearSignInThrottleSchema.parse(req.body)));
  });
  return router;
}
