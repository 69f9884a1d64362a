import type { TFunction } from 'i18next';
import { isApiError } from '@/lib/api-client';
import { describeError } from '@/lib/describe-error';

const REASONS = [
  'line_too_short',
  'line_must_cross_twice',
  'hole_crosses_line',
  'invalid_piece',
  'area_mismatch',
  'not_adjacent',
  'overlapping',
  'different_villages',
] as const;
type Reason = (typeof REASONS)[number];
const isReason = (value: unknown): value is Reason => REASONS.includes(value as Reason);

/** Geometry refusals (422) explained in the user's language; everything else as the app describes errors. */
export function describeAdminError(error: unknown, t: TFunction): string {
  if (isApiError(error) && error.status === 422) {
    const details = (error.details ?? {}) as {
      reason?: unknown;
      overlaps?: { code: string }[];
      problems?: unknown[];
    };
    if (isReason(details.reason)) return t(`adminGeo.errors.${details.reason}`);
    if (details.overlaps?.length) {
      return t('adminGeo.errors.overlaps', { codes: details.overlaps.map((o) => o.code).join(', ') });
    }
    if (details.problems?.length) return t('adminGeo.errors.invalidPolygon');
    return t('adminGeo.errors.refused');
  }
  if (isApiError(error) && error.code === 'validation_failed') return t('adminGeo.errors.validation');
  return describeError(error, t);
}
