import { describe, expect, it } from 'vitest';
import { ACTIVATION_CODE_PATTERN, findPasswordProblems, normaliseActivationCode } from './account.schema';

describe('password rule', () => {
  it('when a password is long, mixes letters and digits and names nobody, then it is fine', () => {
    expect(findPasswordProblems('Luozhou2026river', { username: 'gw001', phone: '13800001234' })).toEqual([]);
    expect(findPasswordProblems('网格巡查2026年春季检查')).toEqual([]);
  });

  it('when it breaks the rule, then every broken part is named', () => {
    expect(findPasswordProblems('abc')).toEqual(
      expect.arrayContaining(['too_short', 'needs_letter_and_digit']),
    );
    expect(findPasswordProblems('gw001isme2026', { username: 'gw001' })).toContain('contains_username');
    expect(findPasswordProblems('ab13800001234', { phone: '13800001234' })).toContain('contains_phone');
    expect(findPasswordProblems('Password2026')).toContain('too_common');
    expect(findPasswordProblems('GridGov@2026')).toContain('too_common');
    expect(findPasswordProblems('x1'.repeat(70))).toContain('too_long');
  });
});

describe('activation codes', () => {
  it('when typed in lower case, without dashes or with look-alikes, then they read as the printed code', () => {
    expect(normaliseActivationCode('k7qm 3xpa 9trw')).toBe('K7QM-3XPA-9TRW');
    expect(normaliseActivationCode('K7QMo3XPAl9TRW'.replace(/o|l/g, ''))).toBe('K7QM-3XPA-9TRW');
    expect(normaliseActivationCode('1OIL-0000-0000')).toBe('1011-0000-0000');
    expect(ACTIVATION_CODE_PATTERN.test('K7QM-3XPA-9TRW')).toBe(true);
  });
});
