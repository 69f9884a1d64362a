import { describe, expect, it } from 'vitest';
import { casesEn } from '@/locales/cases.en';
import { casesZhCN } from '@/locales/cases.zh-CN';

/** The town's numbers as the server makes them: the year, a dash, the sequence padded to six digits. */
const CASE_NUMBER = /^\d{4}-\d{6,}$/;

describe('the duplicate box hint', () => {
  it.each([
    ['zh-CN', casesZhCN.caseActions.duplicatePlaceholder],
    ['en', casesEn.caseActions.duplicatePlaceholder],
  ])('when shown in %s, then its example is a number the server could have made', (_language, hint) => {
    const example = hint.split(/\s/).pop() ?? '';
    expect(example).toMatch(CASE_NUMBER);
  });
});
