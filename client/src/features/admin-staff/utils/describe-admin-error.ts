import type { TFunction } from 'i18next';
import { isApiError } from '@/lib/api-client';

/** A localized sentence for a failed roster action; English users also get the server's detail. */
export function describeAdminError(error: unknown, t: TFunction, language: string): string {
  if (!isApiError(error)) return t('adminStaff.errors.generic');
  const detail = language === 'en' && error.status < 500 ? ` (${error.message})` : '';
  if (error.code === 'network') return t('adminStaff.errors.network');
  if (error.status === 400) return t('adminStaff.errors.invalid') + detail;
  if (error.status === 403) return t('adminStaff.errors.forbidden') + detail;
  if (error.status === 404) return t('adminStaff.errors.notFound') + detail;
  if (error.status === 409) return t('adminStaff.errors.conflict') + detail;
  if (error.status === 422) return describeUnprocessable(error.details, t) + detail;
  return t('adminStaff.errors.generic');
}

function describeUnprocessable(details: unknown, t: TFunction): string {
  const reason = (details as { reason?: string } | undefined)?.reason;
  const cases = (details as { cases?: string[] } | undefined)?.cases;
  if (cases?.length) return t('adminStaff.errors.handoverCases', { cases: cases.join('、') });
  if (reason === 'encoding') return t('adminStaff.import.errors.encoding');
  if (reason === 'columns') return t('adminStaff.import.errors.columns');
  if (reason === 'xls') return t('adminStaff.import.errors.xls');
  if (reason === 'not_sheet') return t('adminStaff.import.errors.notSheet');
  if (reason === 'empty') return t('adminStaff.import.errors.empty');
  if ((details as { maxRows?: number } | undefined)?.maxRows)
    return t('adminStaff.import.errors.tooManyRows');
  if ((details as { maxBytes?: number } | undefined)?.maxBytes) return t('adminStaff.import.errors.tooLarge');
  return t('adminStaff.errors.unprocessable');
}
