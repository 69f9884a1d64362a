import { createHash } from 'node:crypto';
import { link, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { uuid7 } from '../../lib/uuid7';
import { processImage } from '../uploads/image-process';
import { buildUploadFileName, resolveUploadDir } from '../uploads/uploads.storage';

/** A small, plausible "after" photo: a coloured scene with a horizon, different per seed. */
export function renderDemoPhoto(seed: number): Promise<Buffer> {
  const hue = (seed * 47) % 360;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="240">
    <rect width="320" height="240" fill="hsl(${hue},45%,78%)"/>
    <rect y="150" width="320" height="90" fill="hsl(${(hue + 90) % 360},35%,45%)"/>
    <circle cx="${60 + (seed % 200)}" cy="60" r="28" fill="hsl(45,90%,70%)"/>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 70 }).toBuffer();
}

export type DemoPhotoPool = Awaited<ReturnType<typeof createDemoPhotoPool>>;

interface Template {
  original: string;
  thumbnail: string;
  meta: { mime: string; size: number; width: number; height: number; sha256: string };
}

/**
 * Photos for thousands of demo events without thousands of encodes: a few pictures go through the
 * real image pipeline once, then each upload row gets hard links to them under its own file names.
 */
export async function createDemoPhotoPool(uploadDir: string, size = 12) {
  const dir = resolveUploadDir(uploadDir);
  await mkdir(dir, { recursive: true });
  const templates: Template[] = [];
  for (let i = 0; i < size; i++) {
    const image = await processImage(await renderDemoPhoto(i), 'jpeg');
    const original = join(dir, `.demo-template-${i}.jpg`);
    const thumbnail = join(dir, `.demo-template-${i}.thumb.webp`);
    await writeFile(original, image.original);
    await writeFile(thumbnail, image.thumbnail);
    const sha256 = createHash('sha256').update(image.original).digest('hex');
    templates.push({
      original,
      thumbnail,
      meta: {
        mime: 'image/jpeg',
        size: image.original.length,
        width: image.width,
        height: image.height,
        sha256,
      },
    });
  }
  return {
    /** Files for a new upload row; returns the row's data (without owner and case). */
    async take(pick: number, at: Date) {
      const template = templates[pick % templates.length]!;
      const id = uuid7(at);
      await link(template.original, join(dir, buildUploadFileName(id, 'jpeg', 'original')));
      await link(template.thumbnail, join(dir, buildUploadFileName(id, 'jpeg', 'thumbnail')));
      return { id, ...template.meta, createdAt: at };
    },
  };
}
