import { type NextFunction, type Request, type Response, Router } from 'express';
import multer from 'multer';
import { z } from 'zod';
import { requireActor } from '../../lib/auth/middleware';
import type { AppContext } from '../../lib/context';
import { AppError, notFound } from '../../lib/errors';
import { createUpload, getUploadFile, type UploadFile } from './uploads.service';
import type { UploadVariant } from './uploads.storage';

const idParams = z.object({ id: z.uuid() });
const ONE_FILE = 'Send exactly one file, in the multipart/form-data field "file"';
const MIB = 1024 * 1024;

function formatMaxSize(bytes: number): string {
  return bytes >= MIB ? `${Math.round((bytes / MIB) * 10) / 10} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** multer and busboy errors → our error shape. Too large is 422 like every other refused file. */
function toUploadError(error: unknown, maxBytes: number): AppError {
  if (!(error instanceof multer.MulterError)) return new AppError('bad_request', 'Malformed multipart body');
  if (error.code === 'LIMIT_FILE_SIZE') {
    return new AppError('unprocessable', `File too large (max ${formatMaxSize(maxBytes)})`, {
      reason: 'file_too_large',
      maxBytes,
    });
  }
  if (error.code === 'LIMIT_FILE_COUNT' || error.code === 'LIMIT_UNEXPECTED_FILE') {
    return new AppError('bad_request', ONE_FILE);
  }
  return new AppError('bad_request', `Malformed upload: ${error.message}`);
}

function createFileParser(maxBytes: number) {
  // Memory storage: photos are at most UPLOAD_MAX_BYTES and must be decoded in full anyway.
  const parse = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: maxBytes, files: 1, fields: 5 },
  }).single('file');
  return (req: Request, res: Response, next: NextFunction): void => {
    // Refuse strangers before reading their body.
    requireActor(req);
    parse(req, res, (error?: unknown) => next(error ? toUploadError(error, maxBytes) : undefined));
  };
}

function sendUploadFile(res: Response, file: UploadFile): Promise<void> {
  res.type(file.mime);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Disposition', `inline; filename="${file.downloadName}"`);
  res.setHeader('Cache-Control', 'private, max-age=86400');
  return new Promise((resolve, reject) => {
    res.sendFile(file.name, { root: file.dir, dotfiles: 'deny', cacheControl: false }, (error?: unknown) => {
      // After the headers are out (client went away mid-stream) there is nothing left to answer.
      if (!error || res.headersSent) return resolve();
      const code = (error as { code?: string }).code;
      reject(code === 'ENOENT' ? notFound('Upload file') : error);
    });
  });
}

export function createUploadsRouter(ctx: AppContext): Router {
  const router = Router();
  router.post('/uploads', createFileParser(ctx.config.UPLOAD_MAX_BYTES), async (req, res) => {
    const actor = requireActor(req);
    if (!req.file) throw new AppError('bad_request', ONE_FILE);
    res.status(201).json(await createUpload(ctx, actor, { file: req.file.buffer }));
  });

  async function serveUpload(req: Request, res: Response, variant: UploadVariant): Promise<void> {
    const actor = requireActor(req);
    const { id } = idParams.parse(req.params);
    await sendUploadFile(res, await getUploadFile(ctx, actor, { id, variant }));
  }
  router.get('/uploads/:id', (req, res) => serveUpload(req, res, 'original'));
  router.get('/uploads/:id/thumb', (req, res) => serveUpload(req, res, 'thumbnail'));
  return router;
}
