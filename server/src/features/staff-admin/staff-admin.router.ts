import {
  assignGridSchema,
  coverageQuerySchema,
  createStaffSchema,
  handoverSchema,
  rosterQuerySchema,
  setRolesSchema,
  updateStaffSchema,
} from '@gridgov/shared';
import { type NextFunction, type Request, type Response, Router } from 'express';
import multer from 'multer';
import { z } from 'zod';
import { requireActor } from '../../lib/auth/middleware';
import type { AppContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { assertSafeInput } from '../../lib/input-gate/input-gate';
import { type AuditSource, asRosterWriter } from './admin-access';
import { checkCoverage } from './coverage.service';
import { handOverStaff, previewHandover } from './handover.service';
import {
  buildImportTemplate,
  buildProblemReport,
  type Download,
  exportRoster,
} from './import/roster-documents.service';
import { commitRosterImport, getImportJob, startRosterImport } from './import/roster-import.service';
import { getStaffDetail, listRoster } from './roster-read.service';
import {
  assignStaffGrid,
  createStaffMember,
  endStaffAssignment,
  resetStaffPassword,
  setStaffDisabled,
  setStaffRoles,
  updateStaffMember,
} from './roster-write.service';

const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
const idParams = z.object({ id: z.uuid() });
const assignmentParams = z.object({ id: z.uuid(), assignmentId: z.uuid() });
const formatParams = z.object({ format: z.enum(['csv', 'xlsx']) });
const reportParams = z.object({ id: z.uuid(), format: z.enum(['csv', 'xlsx']) });
const langQuery = z.object({ lang: z.enum(['zh-CN', 'en']).default('zh-CN') });

/** Every write runs with the actor narrowed to the towns they administer. */
const source = (req: Request): AuditSource => ({
  actor: asRosterWriter(requireActor(req)),
  ip: req.ip ?? null,
});

function sendDownload(res: Response, file: Download): void {
  res.type(file.mime);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
  res.setHeader('Cache-Control', 'no-store');
  res.send(file.body);
}

function parseRosterFile(req: Request, res: Response, next: NextFunction): void {
  requireActor(req);
  multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5 },
  }).single('file')(req, res, (error?: unknown) => {
    if (!error) return next();
    if (error instanceof multer.MulterError && error.code === 'LIMIT_FILE_SIZE') {
      return next(
        new AppError('unprocessable', 'File too large (max 10 MB)', { maxBytes: MAX_IMPORT_BYTES }),
      );
    }
    next(new AppError('bad_request', 'Send exactly one file, in the multipart/form-data field "file"'));
  });
}

export function createStaffAdminRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/admin/staff', async (req, res) => {
    res.json(await listRoster(ctx, requireActor(req), rosterQuerySchema.parse(req.query)));
  });
  router.get('/admin/staff/export.xlsx', async (req, res) => {
    sendDownload(res, await exportRoster(ctx, requireActor(req), rosterQuerySchema.parse(req.query)));
  });
  router.post('/admin/staff', async (req, res) => {
    res.status(201).json(await createStaffMember(ctx, source(req), createStaffSchema.parse(req.body)));
  });
  router.get('/admin/staff/:id', async (req, res) => {
    res.json(await getStaffDetail(ctx, requireActor(req), idParams.parse(req.params).id));
  });
  router.patch('/admin/staff/:id', async (req, res) => {
    const { id } = idParams.parse(req.params);
    res.json(await updateStaffMember(ctx, source(req), id, updateStaffSchema.parse(req.body)));
  });
  router.post('/admin/staff/:id/disable', async (req, res) => {
    res.json(await setStaffDisabled(ctx, source(req), idParams.parse(req.params).id, true));
  });
  router.post('/admin/staff/:id/enable', async (req, res) => {
    res.json(await setStaffDisabled(ctx, source(req), idParams.parse(req.params).id, false));
  });
  router.post('/admin/staff/:id/reset-password', async (req, res) => {
    res.json(await resetStaffPassword(ctx, source(req), idParams.parse(req.params).id));
  });
  router.put('/admin/staff/:id/roles', async (req, res) => {
    const { id } = idParams.parse(req.params);
    res.json(await setStaffRoles(ctx, source(req), id, setRolesSchema.parse(req.body).roles));
  });
  router.post('/admin/staff/:id/assignments', async (req, res) => {
    const { id } = idParams.parse(req.params);
    res.status(201).json(await assignStaffGrid(ctx, source(req), id, assignGridSchema.parse(req.body)));
  });
  router.post('/admin/staff/:id/assignments/:assignmentId/end', async (req, res) => {
    const { id, assignmentId } = assignmentParams.parse(req.params);
    res.json(await endStaffAssignment(ctx, source(req), id, assignmentId));
  });
  router.get('/admin/staff/:id/handover', async (req, res) => {
    res.json(await previewHandover(ctx, requireActor(req), idParams.parse(req.params).id));
  });
  router.post('/admin/staff/:id/handover', async (req, res) => {
    const { id } = idParams.parse(req.params);
    res.json(await handOverStaff(ctx, source(req), id, handoverSchema.parse(req.body)));
  });

  router.get('/admin/staff-imports/template.:format', async (req, res) => {
    const { format } = formatParams.parse(req.params);
    // The reference sheet lists where this person may import: the towns they administer.
    sendDownload(res, await buildImportTemplate(ctx, asRosterWriter(requireActor(req)), format));
  });
  router.post('/admin/staff-imports', parseRosterFile, async (req, res) => {
    if (!req.file)
      throw new AppError('bad_request', 'Send exactly one file, in the multipart/form-data field "file"');
    // multer hands over the name as Latin-1; browsers send UTF-8.
    const name = Buffer.from(req.file.originalname, 'latin1').toString('utf8');
    assertSafeInput(name, ['file', 'name']);
    res.status(202).json(await startRosterImport(ctx, source(req), { name, bytes: req.file.buffer }));
  });
  router.get('/admin/staff-imports/:id', async (req, res) => {
    res.json(await getImportJob(ctx, requireActor(req), idParams.parse(req.params).id));
  });
  router.get('/admin/staff-imports/:id/problems.:format', async (req, res) => {
    const { id, format } = reportParams.parse(req.params);
    const { lang } = langQuery.parse(req.query);
    sendDownload(res, await buildProblemReport(ctx, requireActor(req), id, format, lang));
  });
  router.post('/admin/staff-imports/:id/commit', async (req, res) => {
    res.status(202).json(await commitRosterImport(ctx, source(req), idParams.parse(req.params).id));
  });

  router.get('/admin/coverage', async (req, res) => {
    res.json(await checkCoverage(ctx, requireActor(req), coverageQuerySchema.parse(req.query)));
  });
  return router;
}
