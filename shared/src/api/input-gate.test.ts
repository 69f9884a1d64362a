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

describe('what the gate reports', () => {
  it('when each problem is found, then its message names the field in words written here', () => {
    expect(findUnsafeInput({ note: 'a\u0000' })).toEqual({
      path: 'note',
      problem: 'control_character',
      message: 'note contains a control character (such as U+0000), which is not allowed in text',
    });
    expect(findUnsafeInput({ items: [{ name: '\udc00' }] })).toEqual({
      path: 'items.0.name',
      problem: 'invalid_unicode',
      message: 'items.0.name contains an incomplete Unicode character (a lone surrogate)',
    });
    expect(findUnsafeInput(Number.NaN)).toEqual({
      path: '(body)',
      problem: 'non_finite_number',
      message: '(body) must be a finite number',
    });
    expect(findUnsafeInput({ n: 1, s: 'ok', t: true, z: null })).toBeNull();
  });

  it('when nesting is exactly 32 levels, then it passes; 33, then it is too deep, named at the 33rd level', () => {
    const nest = (levels: number) => {
      let value: unknown = 'x';
      for (let i = 0; i < levels; i++) value = [value];
      return value;
    };
    expect(findUnsafeInput(nest(32))).toBeNull();
    const found = findUnsafeInput(nest(33));
    expect(found?.problem).toBe('too_deep');
    expect(found?.path).toBe(Array(33).fill('0').join('.'));
    expect(found?.message.endsWith(' is nested more than 32 levels deep')).toBe(true);
  });

  it('when the bad item is the last of an array or the last key, then it is still found, at its own path', () => {
    expect(findUnsafeInput(['ok', 'fine', 'bad\u0001'])?.path).toBe('2');
    expect(findUnsafeInput({ a: 'ok', b: ['ok'], c: { d: 'bad\u0001' } })?.path).toBe('c.d');
    expect(findUnsafeInput([['ok'], { k: 'ok' }, 'ok'])).toBeNull();
  });

  it('when a key holds a control character, then the path shows it escaped', () => {
    expect(findUnsafeInput({ outer: { 'a\u0000b': 1 } })).toMatchObject({
      path: 'outer.a\\u0000b',
      problem: 'control_character',
    });
  });

  it('when an instant has no offset and offsets are not allowed, then it is refused; a day outside the range says why', () => {
    expect(isoInstant().safeParse('2026-12-07T08:00:00+08:00').success).toBe(false);
    expect(isoInstant().safeParse('2026-12-07T08:00:00Z').success).toBe(true);
    const day = isoDay().safeParse('1899-12-31');
    expect(day.error?.issues[0]?.message).toBe('must be a date between 1900 and 2199');
    const notReal = isoDay().safeParse('2026-02-30');
    expect(notReal.error?.issues[0]?.message).toBe('must be a real date written YYYY-MM-DD');
    const instant = isoInstant().safeParse('2200-01-01T00:00:00Z');
    expect(instant.error?.issues[0]?.message).toBe('must be a date between 1900 and 2199');
  });

  it('when text is unsafe, then isSafeText says false', () => {
    expect(isSafeText('a\u007f')).toBe(false);
    expect(isSafeText('\ud800')).toBe(false);
  });
});
