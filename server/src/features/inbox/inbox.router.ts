import { Router } from 'express';
import { requireActor } from '../../lib/auth/middleware';
import type { AppContext } from '../../lib/context';
import { getInbox, getInboxCounts } from './inbox.service';

export function createInboxRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/inbox', async (req, res) => {
    res.json(await getInbox(ctx, requireActor(req)));
  });
  router.get('/inbox/counts', async (req, res) => {
    res.json(await getInboxCounts(ctx, requireActor(req)));
  });
  return router;
}
