import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import compression from 'compression';
import express, { type Express, Router } from 'express';
import helmet from 'helmet';
import { createAuditRouter } from './features/audit/audit.router';
import { createAuthRouter } from './features/auth/auth.router';
import { createSignInThrottlesRouter } from './features/auth/sign-in-throttles.router';
import { createCalendarRouter } from './features/calendar/calendar.router';
import { createCasesRouter } from './features/cases/cases.router';
import { createCategoriesRouter } from './features/categories/categories.router';
import { createClientConfigRouter } from './features/client-config/client-config.router';
import { createGridAdminRouter } from './features/grid-admin/grid-admin.router';
import { createGridsRouter } from './features/grids/grids.router';
import { createHealthRouter } from './features/health/health.router';
import { createInboxRouter } from './features/inbox/inbox.router';
import { createLiveRouter } from './features/live/live.router';
import { createOpenApiRouter } from './features/openapi/openapi.router';
import { createRegionsRouter } from './features/regions/regions.router';
import { createStaffRouter } from './features/staff/staff.router';
import { createStaffAdminRouter } from './features/staff-admin/staff-admin.router';
import { createStatsRouter } from './features/stats/stats.router';
import { createStatsExportRouter } from './features/stats/stats-export.router';
import { createUploadsRouter } from './features/uploads/uploads.router';
import { checkCsrf, loadActor, requirePasswordChange } from './lib/auth/middleware';
import type { AppContext } from './lib/context';
import { createErrorMiddleware } from './lib/error-middleware';
import { AppError } from './lib/errors';
import { checkInput } from './lib/input-gate/input-gate';
import { requestLog } from './lib/request-log';
import { enteredByFirstSegment } from './lib/route-gate';

const LIVE_EVENTS_PATH = '/api/events';
const DEFAULT_CLIENT_DIST = resolve(dirname(fileURLToPath(import.meta.url)), '../../client/dist');

function tileOrigin(tileUrl: string): string[] {
  try {
    return tileUrl ? [new URL(tileUrl.replace(/\{[a-z]\}/g, 'a')).origin] : [];
  } catch {
    return [];
  }
}

function createApiRouter(ctx: AppContext): Router {
  const api = Router();
  // First: a request shed for overload costs no body parsing and no session lookup (decision 018).
  api.use(ctx.load);
  // application/geo+json too: boundary files pass the same input gate as every other body.
  api.use(express.json({ limit: '1mb', type: ['application/json', 'application/*+json'] }));
  api.use(loadActor(ctx));
  api.use(checkCsrf);
  api.use(checkInput);
  api.use(requirePasswordChange);
  // Each feature router is entered only by the paths its routes start with (lib/route-gate.ts).
  const features = [
    createHealthRouter(ctx),
    createClientConfigRouter(ctx),
    createOpenApiRouter(),
    createAuthRouter(ctx),
    createRegionsRouter(ctx),
    createGridsRouter(ctx),
    createStaffRouter(ctx),
    createCategoriesRouter(ctx),
    createCasesRouter(ctx),
    createInboxRouter(ctx),
    createUploadsRouter(ctx),
    createLiveRouter(ctx),
    createStatsRouter(ctx),
    createStaffAdminRouter(ctx),
    createAuditRouter(ctx),
    createSignInThrottlesRouter(ctx),
    createGridAdminRouter(ctx),
    createCalendarRouter(ctx),
    createStatsExportRouter(ctx),
  ];
  for (const router of features) api.use(enteredByFirstSegment(router));
  api.use((req, _res, next) => next(new AppError('not_found', `No API route ${req.method} ${req.path}`)));
  return api;
}

/** Builds the whole application without listening: API, the built SPA, one error shape. */
export function createApp(ctx: AppContext): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', ctx.config.TRUST_PROXY);
  app.use(requestLog(ctx.logger, { skip: (url) => url === '/api/health' }));
  app.use(securityHeaders(ctx));
  app.use(compressResponses());
  app.use('/api', createApiRouter(ctx));

  const clientDist = ctx.config.CLIENT_DIST ?? DEFAULT_CLIENT_DIST;
  if (existsSync(join(clientDist, 'index.html'))) {
    app.use(express.static(clientDist, { index: false, maxAge: '1h', setHeaders: setAssetCaching }));
    // History fallback: every other GET is a client-side route.
    app.get('/{*path}', (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(join(clientDist, 'index.html'));
    });
  } else {
    ctx.logger.warn({ clientDist }, 'client build not found: serving the API only (run npm run build)');
  }
  app.use(createErrorMiddleware(ctx.logger));
  return app;
}

/**
 * Brotli or gzip for everything compressible (the client's JavaScript, API JSON, CSV exports) — phones
 * on village networks pay for every byte — except the live event stream, whose events must leave as
 * they are written (a compressor would hold them back).
 */
function compressResponses(): express.RequestHandler {
  return compression({
    filter: (req, res) => !req.originalUrl.startsWith(LIVE_EVENTS_PATH) && compression.filter(req, res),
  });
}

/**
 * Helmet's headers, with HSTS and `upgrade-insecure-requests` only on requests that came over HTTPS
 * (as Express sees it, honouring TRUST_PROXY): over plain HTTP on a LAN address they would make the
 * browser rewrite every asset to an https:// URL nobody serves, and the page would stay blank.
 */
function securityHeaders(ctx: AppContext): express.RequestHandler {
  const options = (isHttps: boolean) =>
    helmet({
      strictTransportSecurity: isHttps,
      contentSecurityPolicy: {
        directives: {
          'img-src': ["'self'", 'data:', 'blob:', ...tileOrigin(ctx.config.MAP_TILE_URL)],
          // Leaflet positions map panes with inline styles.
          'style-src': ["'self'", "'unsafe-inline'"],
          'upgrade-insecure-requests': isHttps ? [] : null,
        },
      },
    });
  const overHttps = options(true);
  const overHttp = options(false);
  return (req, res, next) => (req.secure ? overHttps : overHttp)(req, res, next);
}

function setAssetCaching(res: express.Response, path: string): void {
  // Vite puts a content hash in asset names: they never change, so cache them for a year.
  if (path.includes(`${'/'}assets${'/'}`))
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
  // The service worker and the manifest name the current version: always asked afresh, so a deploy
  // reaches installed phones at their next check (the person then chooses when to reload).
  else if (/[\\/](sw\.js|manifest\.webmanifest)$/.test(path)) res.setHeader('Cache-Control', 'no-cache');
}
