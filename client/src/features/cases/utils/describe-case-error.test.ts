import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api-client';
import { changeLanguage, loadCaseTranslations } from '@/lib/i18n';
import { describeCaseError, readExistingCaseId } from './describe-case-error';

const refusal = (message: string, details?: unknown, status = 422) =>
  new ApiError({ status, code: status === 429 ? 'too_many_requests' : 'unprocessable', message, details });

describe('describeCaseError', () => {
  beforeAll(async () => {
    await loadCaseTranslations();
  });
  afterEach(async () => {
    await changeLanguage('zh-CN');
  });

  it('when the server names the missing inputs, then a Chinese user reads them in Chinese', () => {
    const error = refusal('handle needs note, photoIds', {
      reason: 'missing_inputs',
      missing: ['note', 'photoIds'],
    });
    expect(describeCaseError(error, i18next.t)).toBe('请补充：说明、照片');
  });

  it('when an action is impossible in the current state, then the state is named in the user’s language', async () => {
    const error = refusal('accept is not possible while the case is closed', {
      reason: 'not_possible',
      action: 'accept',
      status: 'closed',
    });
    expect(describeCaseError(error, i18next.t)).toContain(i18next.t('caseStatus.closed'));
    await changeLanguage('en');
    expect(describeCaseError(error, i18next.t)).toBe(
      `Not possible while the case is “${i18next.t('caseStatus.closed')}”; reload and try again`,
    );
  });

  it('when a refusal has no known reason, then Chinese users get a general sentence and never English text', async () => {
    const error = refusal('Something only the server knows', { reason: 'brand_new_reason' });
    expect(describeCaseError(error, i18next.t)).toBe('操作未能完成，请检查填写的内容后重试');
    await changeLanguage('en');
    expect(describeCaseError(error, i18next.t)).toContain('Something only the server knows');
  });

  it('when photos are refused for size or count, then the limits are filled in', () => {
    expect(
      describeCaseError(refusal('File too large', { reason: 'file_too_large', maxBytes: 2048 }), i18next.t),
    ).toBe('文件过大（最大 2 KB）');
    const pending = refusal('too many', { reason: 'too_many_pending', pending: 60, limit: 60 }, 429);
    expect(describeCaseError(pending, i18next.t)).toContain('60 张照片');
  });

  it('when an earlier attempt already created the case, then its id is offered', () => {
    const error = refusal('reused', { reason: 'idempotency_key_reused', caseId: 'c-1' });
    expect(readExistingCaseId(error)).toBe('c-1');
    expect(readExistingCaseId(refusal('other', { reason: 'unknown_grid' }))).toBeNull();
  });
});
