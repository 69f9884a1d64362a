import { describe, expect, it, vi } from 'vitest';
import { createUuid } from './uuid';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('createUuid', () => {
  it('when randomUUID is missing (plain http), then a v4 UUID is built from getRandomValues', () => {
    const realCrypto = globalThis.crypto;
    vi.stubGlobal('crypto', {
      getRandomValues: <T extends Uint8Array>(array: T) => realCrypto.getRandomValues(array),
    });

    const first = createUuid();

    expect(first).toMatch(UUID_V4);
    expect(createUuid()).not.toBe(first);
  });

  it('when randomUUID exists, then it is used', () => {
    expect(createUuid()).toMatch(UUID_V4);
  });
});
