import { statsBreakdownQuerySchema, statsQuerySchema, statsTrendQuerySchema } from '@gridgov/shared';
import { Router } from 'express';
import { requireActor } from '../../lib/auth/middleware';
import type { AppContext } from '../../lib/context';
import { getStatsBreakdown, getStatsSummary, getStatsTrend } from './stats.service';

export function createStatsRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/stats/summary', async (req, res) => {
    const actor = requireActor(req);
    res.json(await getStatsSummary(ctx, actor, statsQuerySchema.parse(req.query)));
  });
  router.get('/stats/breakdown', async (req, res) => {
    const actor = requireActor(req);
    res.json(await getStatsBreakdown(ctx, actor, statsBreakdownQuerySchema.parse(req.query)));
  });
  router.get('/stats/trend', async (req, res) => {
    const actor = requireActor(req);
    res.json(await getStatsTrend(ctx, actor, statsTrendQuerySchema.parse(req.query)));
  });
  return router;
}
