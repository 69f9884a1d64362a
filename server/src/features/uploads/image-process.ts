import sharp, { type OutputInfo, type Sharp } from 'sharp';
import { AppError } from '../../lib/errors';
import type { ImageFormat } from './image-sniff';

/** Decompression-bomb guards: a phone photo is ~12–50 MP; anything bigger is refused before decoding. */
export const MAX_SIDE_PX = 12_000;
export const MAX_PIXELS = 50_000_000;
export const THUMB_MAX_PX = 320;

export interface ProcessedImage {
  original: Buffer;
  thumbnail: Buffer;
  width: number;
  height: number;
}

// libvips' operation cache (up to 50 MB) pays off for repeated identical operations; an upload is a new
// image every time, so it would only hold memory in an idle server (issue 21).
sharp.cache(false);

const unacceptable = (message: string, details?: unknown) => new AppError('unprocessable', message, details);

// 'error' rejects truncated and corrupt pixel data; 'warning' would also refuse benign quirks some phone
// encoders produce. Header dimensions are checked separately, so the pixel limit is a second line.
const INPUT_OPTIONS = { failOn: 'error', limitInputPixels: MAX_PIXELS } as const;

function encodeAs(pipeline: Sharp, format: ImageFormat): Sharp {
  if (format === 'jpeg') return pipeline.jpeg({ quality: 85, mozjpeg: true });
  if (format === 'png') return pipeline.png({ compressionLevel: 9 });
  return pipeline.webp({ quality: 85 });
}

async function readDimensions(
  input: Buffer,
  format: ImageFormat,
): Promise<{ width: number; height: number }> {
  try {
    // Header only, no decoding: without the pixel limit here, a bomb gets our clear message below.
    const meta = await sharp(input, { limitInputPixels: false }).metadata();
    if (meta.format !== format) throw new Error(`decoder says ${meta.format}`);
    return { width: meta.width, height: meta.height };
  } catch {
    throw unacceptable('The file is not a readable image', { reason: 'image_unreadable' });
  }
}

function assertSaneDimensions({ width, height }: { width: number; height: number }): void {
  if (width > MAX_SIDE_PX || height > MAX_SIDE_PX || width * height > MAX_PIXELS) {
    throw unacceptable(
      `Image too large: at most ${MAX_SIDE_PX} px a side and ${MAX_PIXELS / 1_000_000} megapixels`,
      { reason: 'image_too_large', width, height, maxSide: MAX_SIDE_PX },
    );
  }
}

/**
 * Decodes the whole image (a fake or truncated file fails here), turns it upright by its EXIF
 * orientation and re-encodes it in the same format. sharp drops all metadata unless asked to keep
 * it, so EXIF (GPS, device), XMP and comments never reach storage, and the bytes we serve are ours.
 */
export async function processImage(input: Buffer, format: ImageFormat): Promise<ProcessedImage> {
  assertSaneDimensions(await readDimensions(input, format));
  let original: { data: Buffer; info: OutputInfo };
  try {
    original = await encodeAs(sharp(input, { ...INPUT_OPTIONS, autoOrient: true }), format).toBuffer({
      resolveWithObject: true,
    });
  } catch {
    throw unacceptable('The image is damaged or incomplete and cannot be decoded', {
      reason: 'image_damaged',
    });
  }
  const thumbnail = await sharp(original.data)
    .resize(THUMB_MAX_PX, THUMB_MAX_PX, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 75 })
    .toBuffer();
  return { original: original.data, thumbnail, width: original.info.width, height: original.info.height };
}
