// Real images (and hostile look-alikes) for the upload tests, generated with sharp.
import { crc32 } from 'node:zlib';
import sharp from 'sharp';

const RED = '#c00';

function createCanvas(width: number, height: number) {
  return sharp({ create: { width, height, channels: 3, background: RED } });
}

export function createJpeg(width = 64, height = 48): Promise<Buffer> {
  return createCanvas(width, height).jpeg().toBuffer();
}

export function createPng(width = 64, height = 48): Promise<Buffer> {
  return createCanvas(width, height).png().toBuffer();
}

export function createWebp(width = 64, height = 48): Promise<Buffer> {
  return createCanvas(width, height).webp().toBuffer();
}

/** Random pixels do not compress: a PNG of a predictable, larger size. */
export function createNoisyPng(width: number, height: number): Promise<Buffer> {
  return sharp({
    create: {
      width,
      height,
      channels: 3,
      background: RED,
      noise: { type: 'gaussian', mean: 128, sigma: 60 },
    },
  })
    .png()
    .toBuffer();
}

/** A landscape phone photo stored sideways: EXIF Orientation 6 (rotate 90° clockwise), with GPS. */
export function createSidewaysJpegWithGps(): Promise<Buffer> {
  return createCanvas(64, 48)
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: 'GridPhone', Model: 'X1' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '21/1 54/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '110/1 18/1 0/1',
      },
    })
    .toBuffer();
}

/** Valid JPEG magic bytes and header, then garbage instead of the rest of the scan. */
export async function createTruncatedJpeg(): Promise<Buffer> {
  const jpeg = await createJpeg(640, 480);
  return Buffer.concat([jpeg.subarray(0, Math.floor(jpeg.length / 3)), Buffer.alloc(256, 0x41)]);
}

/** A tiny PNG whose header claims width × height: a decompression bomb's calling card. */
export async function createPngClaiming(width: number, height: number): Promise<Buffer> {
  const png = Buffer.from(await createPng(1, 1));
  // Signature (8) + IHDR length (4) + "IHDR" (4) → width at 16, height at 20, CRC over type+data at 29.
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

export const HTML_PAGE = Buffer.from(
  '<!doctype html><html><body><script>alert(document.cookie)</script></body></html>',
);

export const SVG_WITH_SCRIPT = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script>' +
    '<rect width="10" height="10" fill="red"/></svg>',
);

export function createForm(
  files: { data: Buffer; name: string; type?: string; field?: string }[],
  fields: Record<string, string> = {},
): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  for (const file of files) {
    form.append(file.field ?? 'file', new Blob([file.data], { type: file.type ?? 'image/jpeg' }), file.name);
  }
  return form;
}
