import type { Health } from '@gridgov/shared';
import { Router } from 'express';
import type { AppContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { readHistoryProgress } from '../demo/demo-history-progress';

export function createHealthRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    res.json(await readHealth(ctx));
  });
  return router;
}

/** Liveness plus the database's migration state: pending > 0 means this build expects newer tables. */
export async function readHealth(ctx: AppContext): Promise<Health> {
  let applied: string[];
  try {
    const rows = await ctx.prisma.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    applied = rows.map((r) => r.migration_name);
  } catch (error) {
    ctx.logger.error({ err: error }, 'health check: database unreachable');
    throw new AppError('unavailable', 'Database unreachable');
  }
  const pending = ctx.migrationNames.filter((name) => !applied.includes(name)).length;
  const history = pending ? null : await readHistoryProgress(ctx.prisma);
  const demoHistory = !history ? 'none' : history.isComplete ? 'complete' : 'generating';
  return {
    status: 'ok',
    database: ctx.dbKind,
    migrations: { applied: applied.length, pending },
    demoHistory,
  };
}
