/** The photo formats we accept, keyed by what the bytes say, never by file name or client Content-Type. */
export type ImageFormat = 'jpeg' | 'png' | 'webp';

export type ImageMime = 'image/jpeg' | 'image/png' | 'image/webp';

export const IMAGE_TYPES: Record<ImageFormat, { mime: ImageMime; ext: string }> = {
  jpeg: { mime: 'image/jpeg', ext: 'jpg' },
  png: { mime: 'image/png', ext: 'png' },
  webp: { mime: 'image/webp', ext: 'webp' },
};

const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const RIFF = [0x52, 0x49, 0x46, 0x46];
const WEBP = [0x57, 0x45, 0x42, 0x50];

function hasBytesAt(bytes: Uint8Array, offset: number, expected: number[]): boolean {
  return bytes.length >= offset + expected.length && expected.every((b, i) => bytes[offset + i] === b);
}

/** Reads the magic bytes; null for anything that is not JPEG, PNG or WebP. */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat | null {
  if (hasBytesAt(bytes, 0, JPEG)) return 'jpeg';
  if (hasBytesAt(bytes, 0, PNG)) return 'png';
  // RIFF <4-byte size> WEBP
  if (hasBytesAt(bytes, 0, RIFF) && hasBytesAt(bytes, 8, WEBP)) return 'webp';
  return null;
}

export function findImageFormatByMime(mime: string): ImageFormat | null {
  const entry = Object.entries(IMAGE_TYPES).find(([, type]) => type.mime === mime);
  return entry ? (entry[0] as ImageFormat) : null;
}
