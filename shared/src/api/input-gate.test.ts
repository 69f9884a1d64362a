import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findUnsafeInput, INPUT_MAX_DEPTH, isoDay, isoInstant, isSafeText } from './input-gate';

const control = fc.constantFrom(
  ...[...Array(32).keys()].filter((c) => c !== 9 && c !== 10 && c !== 13).map((c) => String.fromCharCode(c)),
  '\u007f',
);

describe('findUnsafeInput', () => {
  it('when text holds a control character anywhere, then it is refused with its path', () => {
    fc.assert(
      fc.property(fc.string(), control, fc.string(), (before, bad, after) => {
        const found = findUnsafeInput({ a: [{ b: before + bad + after }] });
        expect(found).toMatchObject({ path: 'a.0.b', problem: 'control_character' });
      }),
    );
  });

  it('when text has no control character nor lone surrogate, then it passes (tabs and new lines included)', () => {
    const safe = fc
      .string({ unit: 'grapheme' })
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters the gate refuses
      .filter((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s));
    fc.assert(
      fc.property(safe, (text) => {
        expect(findUnsafeInput({ text: `${text}\t\r\n网格` })).toBeNull();
      }),
    );
  });

  it('when a key, a lone surrogate, a non-finite number or deep nesting arrives, then each is named', () => {
    expect(findUnsafeInput({ 'a\u0000': 1 })?.problem).toBe('control_character');
    expect(findUnsafeInput(['\ud800x'])).toMatchObject({ path: '0', problem: 'invalid_unicode' });
    expect(isSafeText('😀')).toBe(true);
    expect(findUnsafeInput({ n: Number.POSITIVE_INFINITY })?.problem).toBe('non_finite_number');
    let deep: unknown = 'x';
    for (let i = 0; i <= INPUT_MAX_DEPTH + 1; i++) deep = [deep];
    expect(findUnsafeInput(deep)?.problem).toBe('too_deep');
  });
});

describe('bounded dates', () => {
  it('when a day is outside 1900–2199 or not real, then it is refused; inside, accepted', () => {
    for (const day of ['0000-01-01', '1899-12-31', '2200-01-01', '2026-02-30']) {
      expect(isoDay().safeParse(day).success, day).toBe(false);
    }
    for (const day of ['1900-01-01', '2026-12-07', '2199-12-31'])
      expect(isoDay().safeParse(day).success).toBe(true);
  });

  it('when an instant is outside the years, then it is refused', () => {
    expect(isoInstant().safeParse('0000-01-01T00:00:00Z').success).toBe(false);
    expect(isoInstant({ offset: true }).safeParse('2026-12-07T08:00:00+08:00').success).toBe(true);
  });
});
