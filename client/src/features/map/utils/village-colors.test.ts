import { describe, expect, it } from 'vitest';
import { pickVillageColor, VILLAGE_PALETTE } from './village-colors';

describe('pickVillageColor', () => {
  it('when called twice with the same code, then the colour is the same', () => {
    expect(pickVillageColor('441802102007')).toBe(pickVillageColor('441802102007'));
    expect(pickVillageColor('SJ-VILLAGE')).toBe(pickVillageColor('SJ-VILLAGE'));
  });

  it('when codes are consecutive, then neighbouring villages get different colours', () => {
    const colours = Array.from({ length: VILLAGE_PALETTE.length }, (_, i) =>
      pickVillageColor(`441802102${String(i + 1).padStart(3, '0')}`),
    );
    expect(new Set(colours).size).toBe(VILLAGE_PALETTE.length);
  });

  it('when the code has no digits, then a palette colour is still chosen', () => {
    expect(VILLAGE_PALETTE).toContain(pickVillageColor('shijiao'));
  });
});
