import { describe, expect, it } from 'vitest';
import { maskPhone } from './phone';

describe('maskPhone', () => {
  it('when the number is a mainland mobile, then 3 + 4 digits stay', () => {
    expect(maskPhone('13800000001')).toBe('138****0001');
  });

  it('when the number is short, then at most 2 digits stay and at least 4 stars show', () => {
    expect(maskPhone('7654321')).toBe('*****21');
    expect(maskPhone('12345678')).toBe('******78');
    expect(maskPhone('123')).toBe('****');
  });
});
