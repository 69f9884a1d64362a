import { mergeGridsSchema, splitGridSchema, updateGridSchema } from '@gridgov/shared';
import express, { Router } from 'express';
import { z } from 'zod';
import { requireActor } from '../../lib/auth/middleware';
import type { AppContext } from '../../lib/context';
import { updateGrid } from './grid-edit.service';
import { exportGrids } from './grid-export.service';
import { commitGridImport, previewGridImport } from './grid-import.service';
import { mergeGrids, splitGrid } from './grid-regrid.service';

const idParams = z.object({ id: z.uuid() });
/** GIS tools send boundary files as application/geo+json, which the API-wide JSON parser skips. */
const parseGeoJson = express.json({ type: 'application/geo+json', limit: '1mb' });

export function createGridAdminRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/admin/grids/export', async (req, res) => {
    const body = await exportGrids(ctx, requireActor(req));
    res.setHeader('Content-Disposition', 'attachment; filename="grids.geojson"');
    res.type('application/geo+json').send(JSON.stringify(body));
  });
  router.post('/admin/grids/import/preview', parseGeoJson, async (req, res) => {
    res.json(await previewGridImport(ctx, requireActor(req), req.body));
  });
  router.post('/admin/grids/import', parseGeoJson, async (req, res) => {
    res.json(await commitGridImport(ctx, requireActor(req), req.body));
  });
  router.post('/admin/grids/merge', async (req, res) => {
    const actor = requireActor(req);
    res.json(await mergeGrids(ctx, actor, mergeGridsSchema.parse(req.body)));
  });
  router.patch('/admin/grids/:id', async (req, res) => {
    const actor = requireActor(req);
    const { id } = idParams.parse(req.params);
    res.json(await updateGrid(ctx, actor, id, updateGridSchema.parse(req.body)));
  });
  router.post('/admin/grids/:id/split', async (req, res) => {
    const actor = requireActor(req);
    const { id } = idParams.parse(req.params);
    res.json(await splitGrid(ctx, actor, id, splitGridSchema.parse(req.body)));
  });
  return router;
}
