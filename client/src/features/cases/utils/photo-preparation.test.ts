import { describe, expect, it } from 'vitest';
import { checkShrunkPhoto, planPhotoUpload, SHRINK_HEADROOM, type UploadLimits } from './photo-preparation';

const MB = 1024 * 1024;
const LIMITS: UploadLimits = {
  maxBytes: 10 * MB,
  maxSidePx: 12_000,
  acceptedTypes: ['image/jpeg', 'image/png', 'image/webp'],
};

describe('planPhotoUpload', () => {
  it('when a JPEG is within the limit, then the original is sent untouched', () => {
    expect(planPhotoUpload({ type: 'image/jpeg', size: 4 * MB }, LIMITS)).toEqual({ kind: 'as-is' });
    expect(planPhotoUpload({ type: 'image/png', size: 10 * MB }, LIMITS)).toEqual({ kind: 'as-is' });
  });

  it('when a 12 MB photo is chosen, then it is shrunk below the limit in its own type, up to the largest side the server takes', () => {
    expect(planPhotoUpload({ type: 'image/jpeg', size: 12 * MB }, LIMITS)).toEqual({
      kind: 'shrink',
      maxBytes: Math.floor(10 * MB * SHRINK_HEADROOM),
      maxWidthOrHeight: 12_000,
      fileType: 'image/jpeg',
    });
    expect(planPhotoUpload({ type: 'image/webp', size: 10 * MB + 1 }, LIMITS)).toMatchObject({
      kind: 'shrink',
      fileType: 'image/webp',
    });
  });

  it('when the limit is configured lower, then the target follows it', () => {
    const plan = planPhotoUpload({ type: 'image/jpeg', size: 3 * MB }, { ...LIMITS, maxBytes: 2 * MB });
    expect(plan).toMatchObject({ kind: 'shrink', maxBytes: Math.floor(2 * MB * SHRINK_HEADROOM) });
  });

  it('when the photo is of a type the server does not keep (HEIC), then it is re-encoded as JPEG whatever its size', () => {
    expect(planPhotoUpload({ type: 'image/heic', size: 2 * MB }, LIMITS)).toMatchObject({
      kind: 'shrink',
      fileType: 'image/jpeg',
    });
  });

  it('when the file is not an image, then it is refused before anything is sent', () => {
    expect(planPhotoUpload({ type: 'application/pdf', size: 100_000 }, LIMITS)).toEqual({
      kind: 'reject',
      reason: 'not_an_image',
    });
    expect(planPhotoUpload({ type: 'video/mp4', size: 30 * MB }, LIMITS)).toEqual({
      kind: 'reject',
      reason: 'not_an_image',
    });
  });

  it('when the browser gives no type, then a file within the limit goes to the server to judge, a bigger one is shrunk as JPEG', () => {
    expect(planPhotoUpload({ type: '', size: MB }, LIMITS)).toEqual({ kind: 'as-is' });
    expect(planPhotoUpload({ type: '', size: 11 * MB }, LIMITS)).toMatchObject({
      kind: 'shrink',
      fileType: 'image/jpeg',
    });
  });

  it('when the type is written in capitals, then it is read the same', () => {
    expect(planPhotoUpload({ type: 'IMAGE/JPEG', size: MB }, LIMITS)).toEqual({ kind: 'as-is' });
  });
});

describe('checkShrunkPhoto', () => {
  it('when the shrunk photo fits, then it may go; when it is still over the limit, then it is refused as too large', () => {
    expect(checkShrunkPhoto({ size: 10 * MB }, LIMITS)).toBeNull();
    expect(checkShrunkPhoto({ size: 10 * MB + 1 }, LIMITS)).toBe('file_too_large');
  });
});
