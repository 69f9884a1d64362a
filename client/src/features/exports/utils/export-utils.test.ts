import { describe, expect, it } from 'vitest';
import { createCsvRecordCounter } from './csv-row-counter';
import { readFileName } from './file-name';
import { formatBytes } from './format-bytes';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('createCsvRecordCounter', () => {
  it('when records arrive split across chunks, then each complete record is counted once', () => {
    const counter = createCsvRecordCounter();
    expect(counter.push(bytes('\uFEFF编号,描述\r\n2026-1,'))).toBe(1);
    expect(counter.push(bytes('路灯\r'))).toBe(1);
    expect(counter.push(bytes('\n2026-2,垃圾\r\n'))).toBe(3);
  });

  it('when a quoted cell holds line breaks and doubled quotes, then they do not end the record', () => {
    const counter = createCsvRecordCounter();
    expect(counter.push(bytes('a,"two\r\nlines ""quoted""\nstill"\r\nb,c\r\n'))).toBe(2);
  });
});

describe('readFileName', () => {
  it('when the header has a UTF-8 name, then it wins over the ASCII fallback', () => {
    const header = `attachment; filename="__-2026-11-29.csv"; filename*=UTF-8''${encodeURIComponent('事件-2026-11-29.csv')}`;
    expect(readFileName(header, 'x.csv')).toBe('事件-2026-11-29.csv');
  });

  it('when only a plain name or nothing is given, then that or the fallback is used', () => {
    expect(readFileName('attachment; filename="a.xlsx"', 'x.xlsx')).toBe('a.xlsx');
    expect(readFileName("attachment; filename*=UTF-8''%E0%A4%A", 'x.csv')).toBe('x.csv');
    expect(readFileName(null, 'x.csv')).toBe('x.csv');
  });
});

describe('formatBytes', () => {
  it('when sizes grow, then units step up with one decimal', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
  });
});
