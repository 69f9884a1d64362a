import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { LanguageSwitch } from '@/components/ui/language-switch';
import { changeLanguage, LANGUAGE_STORAGE_KEY, readStoredLanguage } from './i18n';

describe('i18n', () => {
  afterEach(async () => {
    await changeLanguage('zh-CN');
  });

  it('when nothing is stored, then the interface is in Chinese', () => {
    expect(readStoredLanguage()).toBe('zh-CN');
    expect(i18next.t('auth.submit')).toBe('登录');
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('when the user switches to English, then the choice is applied, set on <html lang> and remembered', async () => {
    const user = userEvent.setup();
    render(<LanguageSwitch />);

    await user.click(screen.getByRole('button', { name: 'English' }));

    expect(i18next.t('auth.submit')).toBe('Sign in');
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(readStoredLanguage()).toBe('en');
    expect(screen.getByRole('group', { name: 'Language' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('when the stored value is not a supported language, then Chinese is used', () => {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'fr');
    expect(readStoredLanguage()).toBe('zh-CN');
  });
});
