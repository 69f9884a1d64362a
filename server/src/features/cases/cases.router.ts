import {
  bulkDispatchSchema,
  caseActionRequestSchema,
  caseExportQuerySchema,
  caseListQuerySchema,
  createCaseSchema,
  mapPointsQuerySchema,
  nearbyCasesQuerySchema,
} from '@gridgov/shared';
import { Router } from 'express';
import { z } from 'zod';
import { requireActor } from '../../lib/auth/middleware';
import type { AppContext } from '../../lib/context';
import { streamTableExport } from '../../lib/export/table-stream';
import { actOnCase, dispatchCases } from './case-actions.service';
import { listCaseAssignees } from './case-assignees.service';
import { exportCases } from './case-export.service';
import { findNearbyCases, listCases } from './case-list.service';
import { listCaseMapPoints } from './case-map.service';
import { reportCase } from './case-report.service';
import { getCaseDetail } from './case-view.service';
import { readIdempotencyKey } from './idempotency';

const idParams = z.object({ id: z.uuid() });
export function createCasesRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/cases', async (req, res) => {
    const actor = requireActor(req);
    res.json(await listCases(ctx, actor, caseListQuerySchema.parse(req.query)));
  });
  router.get('/cases/export', async (req, res) => {
    const actor = requireActor(req);
    const query = caseExportQuerySchema.parse(req.query);
    await streamTableExport(res, query.format, await exportCases(ctx, actor, query), ctx.logger);
  });
  router.get('/cases/nearby', async (req, res) => {
    const actor = requireActor(req);
    res.json(await findNearbyCases(ctx, actor, nearbyCasesQuerySchema.parse(req.query)));
  });
  router.get('/cases/map-points', async (req, res) => {
    const actor = requireActor(req);
    res.json(await listCaseMapPoints(ctx, actor, mapPointsQuerySchema.parse(req.query)));
  });
  router.post('/cases', async (req, res) => {
    const actor = requireActor(req);
    const idempotencyKey = readIdempotencyKey(req.get('idempotency-key'));
    const { created, detail } = await reportCase(ctx, actor, {
      input: createCaseSchema.parse(req.body),
      idempotencyKey,
    });
    res.status(created ? 201 : 200).json(detail);
  });
  router.post('/cases/bulk-dispatch', async (req, res) => {
    const actor = requireActor(req);
    res.json(await dispatchCases(ctx, actor, bulkDispatchSchema.parse(req.body)));
  });
  router.get('/cases/:id', async (req, res) => {
    const actor = requireActor(req);
    res.json(await getCaseDetail(ctx, actor, idParams.parse(req.params).id));
  });
  router.get('/cases/:id/assignees', async (req, res) => {
    const actor = requireActor(req);
    res.json(await listCaseAssignees(ctx, actor, idParams.parse(req.params).id));
  });
  router.post('/cases/:id/actions', async (req, res) => {
    const actor = requireActor(req);
    const { id } = idParams.parse(req.params);
    const idempotencyKey = readIdempotencyKey(req.get('idempotency-key'));
    const request = caseActionRequestSchema.parse(req.body);
    res.json(await actOnCase(ctx, actor, id, request, { idempotencyKey }));
  });
  return router;
}
