import { afterEach, describe, expect, it, vi } from 'vitest';
import { createUuid } from './uuid';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** getRandomValues that fills with a fixed byte pattern, so the UUID can be written out by hand. */
function fixedBytes(fill: (i: number) => number) {
  return <T extends Uint8Array>(array: T) => {
    for (let i = 0; i < array.length; i++) array[i] = fill(i);
    return array;
  };
}

describe('createUuid', () => {
  it('when randomUUID exists, then its value is returned as is', () => {
    vi.stubGlobal('crypto', {
      randomUUID: () => 'from-random-uuid',
      getRandomValues: () => {
        throw new Error('getRandomValues must not be used when randomUUID exists');
      },
    });
    expect(createUuid()).toBe('from-random-uuid');
  });

  it('when randomUUID is missing (plain http), then the random bytes become a v4 UUID, version and variant bits set', () => {
    vi.stubGlobal('crypto', { getRandomValues: fixedBytes((i) => i) });
    // Bytes 00 01 … 0f; byte 6 becomes 0x46 (version 4), byte 8 becomes 0x88 (variant 10xx).
    expect(createUuid()).toBe('00010203-0405-4607-8809-0a0b0c0d0e0f');
  });

  it('when every random byte is 0xff, then only the version and variant bits are cleared', () => {
    vi.stubGlobal('crypto', { getRandomValues: fixedBytes(() => 0xff) });
    expect(createUuid()).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
  });
});
