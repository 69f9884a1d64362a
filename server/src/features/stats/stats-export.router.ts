import { statsBreakdownExportQuerySchema } from '@gridgov/shared';
import { Router } from 'express';
import { requireActor } from '../../lib/auth/middleware';
import type { AppContext } from '../../lib/context';
import { streamTableExport } from '../../lib/export/table-stream';
import { exportStatsBreakdown } from './stats-export.service';

export function createStatsExportRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/stats/breakdown/export', async (req, res) => {
    const actor = requireActor(req);
    const query = statsBreakdownExportQuerySchema.parse(req.query);
    await streamTableExport(res, query.format, await exportStatsBreakdown(ctx, actor, query), ctx.logger);
  });
  return router;
}
