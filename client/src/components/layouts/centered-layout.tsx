import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DemoHistoryBanner } from '@/components/ui/demo-history-banner';
import { LanguageSwitch } from '@/components/ui/language-switch';

/** Pages without the app header: sign-in, and errors that happen before the header can render. */
export function CenteredLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="centered-shell">
      <div className="centered-tools">
        <LanguageSwitch />
      </div>
      <main className="centered-card">
        <p className="centered-brand">
          <span className="brand-mark" aria-hidden="true" />
          {t('app.name')}
        </p>
        <h1>{title}</h1>
        <DemoHistoryBanner />
        {children}
      </main>
    </div>
  );
}
