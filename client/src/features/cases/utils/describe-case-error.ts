import type { TFunction } from 'i18next';
import i18next from 'i18next';
import { isApiError } from '@/lib/api-client';

/** Someone else changed the case first: the version sent was stale. */
export function isConflictError(error: unknown): boolean {
  return isApiError(error) && (error.status === 409 || error.code === 'conflict');
}

type RefusalDetails = { reason?: unknown; missing?: unknown; [key: string]: unknown };

function readDetails(error: unknown): RefusalDetails {
  if (!isApiError(error) || typeof error.details !== 'object' || error.details === null) return {};
  return error.details as RefusalDetails;
}

/** The machine-readable reason the server gave for a refusal (`details.reason`), if any. */
export function readRefusalReason(error: unknown): string | null {
  const { reason } = readDetails(error);
  return typeof reason === 'string' ? reason : null;
}

/** The id of the case an earlier attempt already created (a reused Idempotency-Key). */
export function readExistingCaseId(error: unknown): string | null {
  const details = readDetails(error);
  return details.reason === 'idempotency_key_reused' && typeof details.caseId === 'string'
    ? details.caseId
    : null;
}

/**
 * A refusal in the user's language: a known `details.reason` maps to its own sentence (with the
 * missing inputs or limits filled in). Without one, English users see the server's message and
 * others a localized general sentence — never English text in a Chinese interface.
 */
export function describeRefusal(error: unknown, t: TFunction): string {
  const details = readDetails(error);
  const reason = readRefusalReason(error);
  // Keys built from server-sent reasons are checked with `exists` at run time, not by the key types.
  const tr = t as unknown as (key: string, options?: Record<string, unknown>) => string;
  if (reason && i18next.exists(`refusals.${reason}`)) {
    const missing = Array.isArray(details.missing)
      ? details.missing
          .map((field) => tr(`refusals.fields.${String(field)}`))
          .join(t('refusals.listSeparator'))
      : '';
    const status = typeof details.status === 'string' ? tr(`caseStatus.${details.status}`) : '';
    const maxKb = typeof details.maxBytes === 'number' ? Math.round(details.maxBytes / 1024) : '';
    return tr(`refusals.${reason}`, { ...details, missing, status, maxKb });
  }
  const message = isApiError(error) ? error.message : '';
  return i18next.language?.startsWith('en') && message
    ? t('caseErrors.refused', { message })
    : t('caseErrors.refusedGeneric');
}

/** A failed case mutation as a sentence in the user's language. */
export function describeCaseError(error: unknown, t: TFunction): string {
  if (!isApiError(error)) return t('caseErrors.generic');
  if (error.code === 'network') return t('caseErrors.network');
  if (error.status === 409) return t('caseErrors.conflict');
  if (error.status === 403) return t('caseErrors.forbidden');
  if (error.status === 400 || error.status === 422 || error.status === 429) return describeRefusal(error, t);
  return t('caseErrors.generic');
}
