import { describe, expect, it } from 'vitest';
import { buildCategories } from '@/testing/case.fixture';
import { formatExtraValue, groupReportableCategories } from './categories';

describe('groupReportableCategories', () => {
  it('when parents have children, then only active leaves are offered, grouped under their parent', () => {
    const groups = groupReportableCategories(buildCategories());

    expect(
      groups.map((group) => [group.parent?.code ?? null, group.leaves.map((leaf) => leaf.code)]),
    ).toEqual([
      ['env', ['env.garbage', 'env.water']],
      ['safety', ['safety.light']],
    ]);
  });
});

describe('formatExtraValue', () => {
  it('when the field is a choice, then values are shown by their labels in the current language', () => {
    const field = buildCategories()
      .find((category) => category.code === 'env.garbage')
      ?.fields.find((candidate) => candidate.key === 'kinds');

    expect(formatExtraValue(field, ['food', 'bulky'], 'zh-CN')).toBe('厨余、大件');
    expect(formatExtraValue(field, ['food'], 'en')).toBe('Food waste');
    expect(formatExtraValue(undefined, 12, 'zh-CN')).toBe('12');
  });
});
