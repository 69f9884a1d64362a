import { staffListQuerySchema } from '@gridgov/shared';
import { Router } from 'express';
import { requireActor } from '../../lib/auth/middleware';
import type { AppContext } from '../../lib/context';
import { listStaff } from './staff.service';

export function createStaffRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/staff', async (req, res) => {
    const actor = requireActor(req);
    res.json(await listStaff(ctx, actor, staffListQuerySchema.parse(req.query)));
  });
  return router;
}
