import type { TFunction } from 'i18next';
import { isApiError } from './api-client';

/** A short localized sentence for a failed request or a crash; server messages are not shown verbatim. */
export function describeError(error: unknown, t: TFunction): string {
  if (!isApiError(error)) return t('errors.generic');
  if (error.code === 'network') return t('errors.network');
  if (error.code === 'overloaded' || error.code === 'too_many_requests') return t('errors.busy');
  if (error.status === 403) return t('errors.forbidden');
  if (error.status === 404) return t('errors.notFoundData');
  return t('errors.loadFailed');
}
