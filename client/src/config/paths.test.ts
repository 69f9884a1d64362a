import { describe, expect, it } from 'vitest';
import { resolveNextPath } from './paths';

describe('resolveNextPath', () => {
  it('when next is a local path, then it is kept with its query', () => {
    expect(resolveNextPath('/hierarchy?view=staff')).toBe('/hierarchy?view=staff');
  });

  it('when next is missing, external, protocol-relative or the login page, then home is used', () => {
    for (const next of [
      null,
      '',
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      '/login?next=/',
    ]) {
      expect(resolveNextPath(next)).toBe('/');
    }
  });
});
