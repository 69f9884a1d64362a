import { auditQuerySchema } from '@gridgov/shared';
import { Router } from 'express';
import { requireActor } from '../../lib/auth/middleware';
import type { AppContext } from '../../lib/context';
import { listAuditEntries } from './audit.service';

export function createAuditRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/admin/audit', async (req, res) => {
    const actor = requireActor(req);
    res.json(await listAuditEntries(ctx, actor, auditQuerySchema.parse(req.query)));
  });
  return router;
}
