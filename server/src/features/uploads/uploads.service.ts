import { createHash, randomUUID } from 'node:crypto';
import type { Upload } from '@gridgov/shared';
import type { Actor } from '../../lib/auth/scope';
import type { AppContext } from '../../lib/context';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { canViewCase } from '../cases/case-access';
import { processImage } from './image-process';
import { findImageFormatByMime, IMAGE_TYPES, sniffImageFormat } from './image-sniff';
import {
  countPendingUploads,
  findCaseScopeKey,
  findUpload,
  insertUpload,
  toUploadDto,
} from './uploads.repository';
import {
  buildUploadFileName,
  removeUploadFiles,
  resolveUploadDir,
  THUMBNAIL_MIME,
  type UploadVariant,
  writeUploadFiles,
} from './uploads.storage';

export interface UploadFile {
  dir: string;
  name: string;
  mime: string;
  /** A name for Content-Disposition, built from the id: the client's file name is never kept. */
  downloadName: string;
}

/**
 * Stores one photo: checked by content, fully decoded, re-encoded without metadata, with a
 * thumbnail. Files are written first and the row last; if the row fails, the files are removed.
 */
export async function createUpload(
  ctx: AppContext,
  actor: Actor,
  options: { file: Buffer },
): Promise<Upload> {
  if (options.file.length === 0)
    throw new AppError('unprocessable', 'The file is empty', { reason: 'file_empty' });
  const pending = await countPendingUploads(ctx.prisma, actor.id, new Date(Date.now() - 86_400_000));
  if (pending >= ctx.config.UPLOAD_MAX_PENDING) {
    throw new AppError(
      'too_many_requests',
      `You have ${pending} photos not yet attached to a case; report or wait before uploading more`,
      { reason: 'too_many_pending', pending, limit: ctx.config.UPLOAD_MAX_PENDING },
    );
  }
  const format = sniffImageFormat(options.file);
  if (!format) {
    throw new AppError('unprocessable', 'Only JPEG, PNG or WebP photos are accepted', {
      reason: 'not_an_image',
      accepted: Object.values(IMAGE_TYPES).map((t) => t.mime),
    });
  }
  const image = await processImage(options.file, format);
  const id = randomUUID();
  const dir = resolveUploadDir(ctx.config.UPLOAD_DIR);
  const names = [buildUploadFileName(id, format, 'original'), buildUploadFileName(id, format, 'thumbnail')];
  await writeUploadFiles(dir, [
    { name: names[0]!, data: image.original },
    { name: names[1]!, data: image.thumbnail },
  ]);
  try {
    const row = await insertUpload(ctx.prisma, {
      id,
      ownerId: actor.id,
      mime: IMAGE_TYPES[format].mime,
      size: image.original.length,
      width: image.width,
      height: image.height,
      sha256: createHash('sha256').update(image.original).digest('hex'),
    });
    return toUploadDto(row);
  } catch (error) {
    await removeUploadFiles(dir, names);
    throw error;
  }
}

/** The owner always sees their photo; once it belongs to a case, so does everyone whose scope covers it. */
async function canSeeUpload(
  ctx: AppContext,
  actor: Actor,
  upload: { ownerId: string; caseId: string | null },
) {
  if (upload.ownerId === actor.id) return true;
  if (!upload.caseId) return false;
  // Whoever may open the case may see its photos (its territory, its reporter, its assignee).
  const key = await findCaseScopeKey(ctx.prisma, upload.caseId);
  return key !== null && canViewCase(actor, key);
}

export async function getUploadFile(
  ctx: AppContext,
  actor: Actor,
  options: { id: string; variant: UploadVariant },
): Promise<UploadFile> {
  const upload = await findUpload(ctx.prisma, options.id);
  if (!upload) throw notFound('Upload');
  if (!(await canSeeUpload(ctx, actor, upload))) throw forbidden('This photo is outside your scope');
  const format = findImageFormatByMime(upload.mime);
  if (!format) throw new AppError('internal', `Stored upload has an unknown type: ${upload.mime}`);
  const name = buildUploadFileName(upload.id, format, options.variant);
  const isThumb = options.variant === 'thumbnail';
  return {
    dir: resolveUploadDir(ctx.config.UPLOAD_DIR),
    name,
    mime: isThumb ? THUMBNAIL_MIME : upload.mime,
    downloadName: `photo-${upload.id}${isThumb ? '-thumb.webp' : `.${IMAGE_TYPES[format].ext}`}`,
  };
}
