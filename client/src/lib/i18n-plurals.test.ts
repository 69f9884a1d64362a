import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { adminGeoEn } from '@/locales/admin-geo.en';
import { adminGeoZhCN } from '@/locales/admin-geo.zh-CN';
import { adminStaffEn } from '@/locales/admin-staff.en';
import { adminStaffZhCN } from '@/locales/admin-staff.zh-CN';
import { casesEn } from '@/locales/cases.en';
import { casesZhCN } from '@/locales/cases.zh-CN';
import { dashboardEn } from '@/locales/dashboard.en';
import { dashboardZhCN } from '@/locales/dashboard.zh-CN';
import { en } from '@/locales/en';
import { statsEn } from '@/locales/stats.en';
import { statsZhCN } from '@/locales/stats.zh-CN';
import { zhCN } from '@/locales/zh-CN';
import { changeLanguage, loadAdminStaffTranslations, loadStatsTranslations } from './i18n';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const PAIRS: [string, Tree, Tree][] = [
  ['common', en, zhCN],
  ['cases', casesEn, casesZhCN],
  ['dashboard', dashboardEn, dashboardZhCN],
  ['stats', statsEn, statsZhCN],
  ['admin-geo', adminGeoEn, adminGeoZhCN],
  ['admin-staff', adminStaffEn, adminStaffZhCN],
];

/** A number followed by an English plural noun: "{{count}} cases", "{{count}} more problems". */
const COUNTED_PLURAL = /\{\{count\}\} (?:more )?[a-z]+s\b/;

beforeAll(async () => {
  await loadStatsTranslations();
  await loadAdminStaffTranslations();
});
afterEach(() => changeLanguage('zh-CN'));

describe('plurals (issue 13)', () => {
  it('when English counts one case, then it says "1 case", and "2 cases" for two; Chinese has one form', async () => {
    await changeLanguage('en');
    expect(i18next.t('brief.count', { count: 1 })).toBe('1 case');
    expect(i18next.t('brief.count', { count: 2 })).toBe('2 cases');
    expect(i18next.t('dashboard.caseCount', { count: 1 })).toBe('1 case on the map');
    expect(i18next.t('common.people', { count: 1 })).toBe('1 person');

    await changeLanguage('zh-CN');
    expect(i18next.t('brief.count', { count: 1 })).toBe('1 件');
    expect(i18next.t('brief.count', { count: 2 })).toBe('2 件');
  });

  it.each(PAIRS)(
    'when an English %s string counts a plural noun, then it has a singular form beside it',
    (_name, english, chinese) => {
      const enKeys = flatten(english);
      const zhKeys = flatten(chinese);
      const unpaired = [...enKeys]
        .filter(([, text]) => COUNTED_PLURAL.test(text))
        .map(([key]) => key)
        .filter((key) => !key.endsWith('_other') || !enKeys.has(key.replace(/_other$/, '_one')));

      expect(unpaired).toEqual([]);
      // Both languages hold the same keys, so i18next finds a form whichever language is chosen.
      expect([...enKeys.keys()].sort()).toEqual([...zhKeys.keys()].sort());
    },
  );
});
