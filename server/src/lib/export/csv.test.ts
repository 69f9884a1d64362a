import { describe, expect, it } from 'vitest';
import { neutraliseFormula, toCsvLine } from './csv';

describe('neutraliseFormula', () => {
  it.each(['=1+1', '+86 138', '-5', '@SUM(A1)', '\t=cmd', '\r=cmd'])(
    'when a cell starts like a formula (%j), then it gets a leading apostrophe',
    (text) => {
      expect(neutraliseFormula(text)).toBe(`'${text}`);
    },
  );

  it.each(['2026-000123', '村口垃圾 = 三天', 'a-b', ''])(
    'when a cell is plain text (%j), then it is unchanged',
    (text) => {
      expect(neutraliseFormula(text)).toBe(text);
    },
  );
});

describe('toCsvLine', () => {
  it('when cells hold commas, quotes, newlines or edge spaces, then they are quoted and quotes doubled', () => {
    expect(toCsvLine(['a,b', 'say "hi"', 'two\nlines', ' pad', 'plain'])).toBe(
      '"a,b","say ""hi""","two\nlines"," pad",plain\r\n',
    );
  });

  it('when cells are numbers or empty, then numbers are written bare and null as nothing', () => {
    expect(toCsvLine([3, null, -2, Number.NaN])).toBe('3,,-2,\r\n');
  });

  it('when a formula also needs quoting, then it is neutralised and quoted', () => {
    expect(toCsvLine(['=HYPERLINK("x")'])).toBe(`"'=HYPERLINK(""x"")"\r\n`);
  });
});
