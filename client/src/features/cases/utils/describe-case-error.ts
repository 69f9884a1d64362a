import type { TFunction } from 'i18next';
import { isApiError } from '@/lib/api-client';

/** Someone else changed the case first: the version sent was stale. */
export function isConflictError(error: unknown): boolean {
  return isApiError(error) && (error.status === 409 || error.code === 'conflict');
}

/**
 * A failed case mutation as a sentence. For refusals the server's own message is shown (it says which
 * input is missing or why the step is impossible); other failures get a localized sentence.
 */
export function describeCaseError(error: unknown, t: TFunction): string {
  if (!isApiError(error)) return t('caseErrors.generic');
  if (error.code === 'network') return t('caseErrors.network');
  if (error.status === 409) return t('caseErrors.conflict');
  if (error.status === 403) return t('caseErrors.forbidden');
  if (error.status === 400 || error.status === 422)
    return t('caseErrors.refused', { message: error.message });
  return t('caseErrors.generic');
}
