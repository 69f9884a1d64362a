import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { IMAGE_TYPES, type ImageFormat } from './image-sniff';

export type UploadVariant = 'original' | 'thumbnail';

export interface StoredFile {
  name: string;
  data: Buffer;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Thumbnails are always WebP: small, and every browser we support shows them. */
export const THUMBNAIL_MIME = 'image/webp';

/**
 * File names come only from the server-generated id and our own extension table, so the client's
 * file name can never steer a path (no `../`, no odd characters).
 */
export function buildUploadFileName(id: string, format: ImageFormat, variant: UploadVariant): string {
  if (!UUID.test(id)) throw new Error(`not an upload id: ${id}`);
  return variant === 'thumbnail' ? `${id}.thumb.webp` : `${id}.${IMAGE_TYPES[format].ext}`;
}

export function resolveUploadDir(dir: string): string {
  return resolve(dir);
}

async function writeDurably(path: string, data: Buffer): Promise<void> {
  // 'wx': never follow or overwrite an existing file.
  const handle = await open(path, 'wx', 0o640);
  try {
    await handle.writeFile(data);
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes each file under a temporary name and renames it into place, so a reader never sees half a
 * file; if any step fails, whatever was written is removed and the error is rethrown.
 */
export async function writeUploadFiles(dir: string, files: StoredFile[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  try {
    for (const file of files) {
      const finalPath = join(dir, file.name);
      const tempPath = `${finalPath}.${randomBytes(6).toString('hex')}.tmp`;
      written.push(tempPath);
      await writeDurably(tempPath, file.data);
      await rename(tempPath, finalPath);
      written[written.length - 1] = finalPath;
    }
  } catch (error) {
    await removeUploadFiles(dir, written);
    throw error;
  }
}

/** Best effort: a leftover file is harmless (nothing points to it), a failed request is not. */
export async function removeUploadFiles(dir: string, names: string[]): Promise<void> {
  await Promise.all(names.map((name) => rm(resolve(dir, name), { force: true }).catch(() => undefined)));
}
