import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { initI18n, loadCaseTranslations, loadDashboardTranslations } from '../lib/i18n';

initI18n();
// The app loads these with the case routes; tests render case components directly.
await loadCaseTranslations();
await loadDashboardTranslations();
// The default 1 s is tight for the first render of a file on a busy CI machine.
configure({ asyncUtilTimeout: 3000 });

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  window.localStorage.clear();
});
