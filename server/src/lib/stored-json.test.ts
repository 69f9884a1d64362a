import { extraFieldSchema } from '@gridgov/shared';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseStoredJson, StoredJsonError } from './stored-json';

const fields = z.array(extraFieldSchema);

describe('parseStoredJson', () => {
  it('when the stored value matches, then it comes back typed (defaults applied)', () => {
    const stored = [{ key: 'floor', label: '楼层', labelEn: 'Floor', type: 'number' }];
    expect(parseStoredJson(fields, stored, 'Category.fields (c1)')).toEqual([
      { key: 'floor', label: '楼层', labelEn: 'Floor', type: 'number', required: false },
    ]);
  });

  it('when the stored value is corrupt, then the error names the row, the path and the problem', () => {
    const stored = [{ key: 'floor', label: '楼层', labelEn: 'Floor', type: 'colour' }];
    let caught: unknown;
    try {
      parseStoredJson(fields, stored, 'Category.fields (c1)');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(StoredJsonError);
    expect((caught as Error).message).toMatch(
      /^Category\.fields \(c1\) does not match its schema: 0\.type: /,
    );
  });

  it('when the stored value is not even the right shape, then the same error, not a TypeError', () => {
    expect(() => parseStoredJson(fields, { not: 'a list' }, 'Category.fields (c2)')).toThrow(StoredJsonError);
    expect(() => parseStoredJson(fields, null, 'Category.fields (c3)')).toThrow(/\(value\): /);
  });
});
