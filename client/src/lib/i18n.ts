import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { adminGeoZhCN } from '../locales/admin-geo.zh-CN';
import type { adminStaffZhCN } from '../locales/admin-staff.zh-CN';
import type { casesZhCN } from '../locales/cases.zh-CN';
import type { dashboardZhCN } from '../locales/dashboard.zh-CN';
import type { statsZhCN } from '../locales/stats.zh-CN';
import { zhCN } from '../locales/zh-CN';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';
export const LANGUAGE_STORAGE_KEY = 'gridgov.lang';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function readStoredLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    // Storage can be blocked (private mode, strict cookie settings); the default language still works.
    return DEFAULT_LANGUAGE;
  }
}

function rememberLanguage(language: string): void {
  document.documentElement.lang = language;
  document.title = i18next.t('app.name');
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // See readStoredLanguage: not remembering is acceptable.
  }
}

export async function changeLanguage(language: Language): Promise<void> {
  if (language === 'en') await loadEnglish();
  await i18next.changeLanguage(language);
}

let english: Promise<void> | null = null;

/**
 * The shell's English strings: a chunk of their own, so the first load of the (Chinese-first) app does
 * not carry them (the initial route's budget, scripts/check-bundle.mjs). Fetched when someone switches
 * to English, and before the first render when English is the remembered choice (`readyForFirstRender`).
 */
function loadEnglish(): Promise<void> {
  english ??= import('../locales/en').then(
    ({ en }) => {
      // A copy: i18next merges the lazy pages' bundles into the store's object, which must not be the module's.
      i18next.addResourceBundle('en', 'translation', structuredClone(en), true, false);
    },
    (error: unknown) => {
      english = null;
      throw error;
    },
  );
  return english;
}

/**
 * Resolves when the remembered language can render: at once for Chinese (bundled), after the English
 * chunk otherwise. main.tsx renders after it, so the first render is never in the wrong language.
 */
export async function readyForFirstRender(): Promise<void> {
  const i18n = initI18n();
  if (i18n.language !== 'en') return;
  try {
    await loadEnglish();
    // Re-render bindings with the strings now present (the language itself did not change).
    await i18n.changeLanguage('en');
  } catch {
    // Offline with no cached chunk: the Chinese strings (the fallback) rather than no app at all.
  }
}

/** Chinese is bundled, so init is synchronous; English comes through `loadEnglish`. */
export function initI18n(): typeof i18next {
  if (i18next.isInitialized) return i18next;
  const language = readStoredLanguage();
  i18next.on('languageChanged', rememberLanguage);
  void i18next.use(initReactI18next).init({
    // A copy, as for English: the lazy pages' bundles are merged into the store's object.
    resources: { 'zh-CN': { translation: structuredClone(zhCN) } },
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    initAsync: false,
    // React escapes what it renders, so escaping here would show `&lt;` in names. The price: a `t()`
    // result holding a user's text is raw; it may only reach the page as React text or through
    // features/map/lib/text-content.ts (Leaflet sets strings as innerHTML; issue 12 item 5).
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  document.documentElement.lang = language;
  return i18next;
}

let caseTranslations: Promise<void> | null = null;

/**
 * Adds the case pages' strings (both languages, so switching needs no request). The lazy case routes
 * await it before they render; the shell and map never download them.
 */
export function loadCaseTranslations(): Promise<void> {
  caseTranslations ??= Promise.all([import('../locales/cases.zh-CN'), import('../locales/cases.en')]).then(
    ([zh, english]) => {
      i18next.addResourceBundle('zh-CN', 'translation', zh.casesZhCN, true, false);
      i18next.addResourceBundle('en', 'translation', english.casesEn, true, false);
    },
    (error: unknown) => {
      caseTranslations = null;
      throw error;
    },
  );
  return caseTranslations;
}

let adminStaffTranslations: Promise<void> | null = null;

/** The roster administration's strings (admin-staff.*), loaded with those lazy pages like the case strings. */
export function loadAdminStaffTranslations(): Promise<void> {
  adminStaffTranslations ??= Promise.all([
    import('../locales/admin-staff.zh-CN'),
    import('../locales/admin-staff.en'),
  ]).then(
    ([zh, english]) => {
      i18next.addResourceBundle('zh-CN', 'translation', zh.adminStaffZhCN, true, false);
      i18next.addResourceBundle('en', 'translation', english.adminStaffEn, true, false);
    },
    (error: unknown) => {
      adminStaffTranslations = null;
      throw error;
    },
  );
  return adminStaffTranslations;
}

let adminGeoTranslations: Promise<void> | null = null;

/** The grid boundary, category and calendar administration strings; loaded like the case strings. */
export function loadAdminGeoTranslations(): Promise<void> {
  adminGeoTranslations ??= Promise.all([
    import('../locales/admin-geo.zh-CN'),
    import('../locales/admin-geo.en'),
  ]).then(
    ([zh, english]) => {
      i18next.addResourceBundle('zh-CN', 'translation', zh.adminGeoZhCN, true, false);
      i18next.addResourceBundle('en', 'translation', english.adminGeoEn, true, false);
    },
    (error: unknown) => {
      adminGeoTranslations = null;
      throw error;
    },
  );
  return adminGeoTranslations;
}

let statsTranslations: Promise<void> | null = null;

/** The statistics, morning brief and export strings, loaded like the case strings (see above). */
export function loadStatsTranslations(): Promise<void> {
  statsTranslations ??= Promise.all([import('../locales/stats.zh-CN'), import('../locales/stats.en')]).then(
    ([zh, english]) => {
      i18next.addResourceBundle('zh-CN', 'translation', zh.statsZhCN, true, false);
      i18next.addResourceBundle('en', 'translation', english.statsEn, true, false);
    },
    (error: unknown) => {
      statsTranslations = null;
      throw error;
    },
  );
  return statsTranslations;
}

let dashboardTranslations: Promise<void> | null = null;

/** The command map's strings (both languages), loaded with the map page like the case strings. */
export function loadDashboardTranslations(): Promise<void> {
  dashboardTranslations ??= Promise.all([
    import('../locales/dashboard.zh-CN'),
    import('../locales/dashboard.en'),
  ]).then(
    ([zh, english]) => {
      i18next.addResourceBundle('zh-CN', 'translation', zh.dashboardZhCN, true, false);
      i18next.addResourceBundle('en', 'translation', english.dashboardEn, true, false);
    },
    (error: unknown) => {
      dashboardTranslations = null;
      throw error;
    },
  );
  return dashboardTranslations;
}

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: {
      translation: typeof zhCN &
        typeof casesZhCN &
        typeof adminStaffZhCN &
        typeof adminGeoZhCN &
        typeof statsZhCN &
        typeof dashboardZhCN;
    };
  }
}
