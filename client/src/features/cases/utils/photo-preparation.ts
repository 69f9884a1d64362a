import type { ClientConfig } from '@gridgov/shared';

export type UploadLimits = ClientConfig['uploads'];

/** Why a file cannot become a photo of the case, whatever we retry (keys of `refusals.*`). */
export type PhotoRejection = 'not_an_image' | 'file_too_large' | 'image_unreadable';

export type PhotoPlan =
  | { kind: 'reject'; reason: PhotoRejection }
  /** Small enough and of a kept type: the phone's original goes as it is. */
  | { kind: 'as-is' }
  /** Too big (or a type the server does not keep): re-encode in the browser to fit. */
  | { kind: 'shrink'; maxBytes: number; maxWidthOrHeight: number; fileType: string };

/**
 * Re-encoding is never exact: the compressor aims below the server's limit so a result a few KB over
 * its target still fits.
 */
export const SHRINK_HEADROOM = 0.9;

/**
 * What to do with a chosen file before it is uploaded (issue 13): refuse what is not an image at all,
 * send what already fits untouched, shrink only what would be refused for its size or type. An empty
 * type (some Android galleries) is not judged here: the server looks at the bytes.
 */
export function planPhotoUpload(file: { type: string; size: number }, limits: UploadLimits): PhotoPlan {
  const type = file.type.toLowerCase();
  if (type !== '' && !type.startsWith('image/')) return { kind: 'reject', reason: 'not_an_image' };
  const isKeptType = type === '' || limits.acceptedTypes.includes(type);
  if (isKeptType && file.size <= limits.maxBytes) return { kind: 'as-is' };
  return {
    kind: 'shrink',
    maxBytes: Math.floor(limits.maxBytes * SHRINK_HEADROOM),
    maxWidthOrHeight: limits.maxSidePx,
    // HEIC and the like (iPhones) become JPEG, which every phone camera app already writes.
    fileType: isKeptType && type !== '' ? type : 'image/jpeg',
  };
}

/** The shrunk file still over the limit (a huge panorama, a noisy PNG) is refused here, not by the server. */
export function checkShrunkPhoto(file: { size: number }, limits: UploadLimits): PhotoRejection | null {
  return file.size <= limits.maxBytes ? null : 'file_too_large';
}
