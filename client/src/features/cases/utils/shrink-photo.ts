import imageCompression from 'browser-image-compression';
import type { PhotoPlan } from './photo-preparation';

/**
 * Re-encodes a photo in the browser to fit the server's limits. The library reads the original's EXIF
 * orientation (its `exifOrientation` default) and draws the pixels upright, so the smaller file shows
 * the scene the way the phone did even though its metadata (GPS, device) is not copied.
 *
 * No web worker: the library's worker loads its own script from a CDN, which the Content-Security-Policy
 * (and a village network) does not allow; one photo at a time on the main thread is fine on a phone.
 */
export function shrinkPhoto(
  file: File,
  plan: Extract<PhotoPlan, { kind: 'shrink' }>,
  signal?: AbortSignal,
): Promise<File> {
  return imageCompression(file, {
    maxSizeMB: plan.maxBytes / (1024 * 1024),
    maxWidthOrHeight: plan.maxWidthOrHeight,
    fileType: plan.fileType,
    initialQuality: 0.92,
    useWebWorker: false,
    preserveExif: false,
    signal,
  });
}
