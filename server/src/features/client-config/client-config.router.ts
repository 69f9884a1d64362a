import type { ClientConfig } from '@gridgov/shared';
import { Router } from 'express';
import type { AppContext } from '../../lib/context';
import { MAX_SIDE_PX } from '../uploads/image-process';
import { IMAGE_TYPES } from '../uploads/image-sniff';

export function createClientConfigRouter(ctx: AppContext): Router {
  const [lat, lon] = ctx.config.MAP_CENTER.split(',').map(Number) as [number, number];
  const body: ClientConfig = {
    map: {
      tileUrl: ctx.config.MAP_TILE_URL || null,
      tileAttribution: ctx.config.MAP_TILE_ATTRIBUTION,
      center: [lat, lon],
      zoom: ctx.config.MAP_ZOOM,
    },
    uploads: {
      maxBytes: ctx.config.UPLOAD_MAX_BYTES,
      maxSidePx: MAX_SIDE_PX,
      acceptedTypes: Object.values(IMAGE_TYPES).map((type) => type.mime),
    },
  };
  const router = Router();
  router.get('/config', (_req, res) => {
    res.json(body);
  });
  return router;
}
