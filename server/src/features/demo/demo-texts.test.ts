import { LEAF_CATEGORY_CODES } from '@gridgov/db';
import { describe, expect, it } from 'vitest';
import { DEMO_TEXTS, describeDemoCase, isDemoTextOf } from './demo-texts';

describe('the demo text table', () => {
  it('when the taxonomy is seeded, then every leaf category has texts of its own, and nothing else does', () => {
    expect(Object.keys(DEMO_TEXTS).sort()).toEqual([...LEAF_CATEGORY_CODES].sort());
    for (const code of LEAF_CATEGORY_CODES) expect(DEMO_TEXTS[code]!.length, code).toBeGreaterThanOrEqual(3);
  });

  it('when texts are compared across categories, then no text is shared by two of them', () => {
    const all = Object.values(DEMO_TEXTS).flat();
    expect(new Set(all).size).toBe(all.length);
  });

  it('when a case is described, then the text is its category’s, set in its own village', () => {
    const random = () => 0.5;
    const text = describeDemoCase('flood.reservoir', '水库村', random);
    expect(text.startsWith('水库村')).toBe(true);
    expect(isDemoTextOf('flood.reservoir', '水库村', text)).toBe(true);
    expect(isDemoTextOf('flood.reservoir', '横新村', text)).toBe(false);
    expect(isDemoTextOf('facilities.streetlight', '水库村', text)).toBe(false);
  });

  it('when every text is filled in, then none keeps a placeholder and each names the village', () => {
    for (const [code, texts] of Object.entries(DEMO_TEXTS))
      for (const text of texts) expect(text, code).toMatch(/^\{village\}[^{}]+$/);
  });
});
