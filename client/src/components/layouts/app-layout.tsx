import { lazy, type ReactNode, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { DemoHistoryBanner } from '@/components/ui/demo-history-banner';
import { LanguageSwitch } from '@/components/ui/language-switch';
import { paths } from '@/config/paths';
import { ConnectionNotices } from './connection-notices';
import { type NavGroup, type NavItem, NavMenuGroup } from './nav-menu-group';

export type { NavGroup, NavItem };

// Lazy: the first load's budget is spent (scripts/check-bundle.mjs).
const OutboxBadge = lazy(() => import('./outbox-badge'));

type AppLayoutProps = {
  navItems: readonly (NavItem | NavGroup)[];
  /** The signed-in user's name, roles and sign-out button; composed by the app. */
  account: ReactNode;
  children: ReactNode;
};

export function AppLayout({ navItems, account, children }: AppLayoutProps) {
  const { t } = useTranslation();
  const [isMenuOpen, setIsMenuOpen] = useState(false);

  return (
    <div className="app-shell">
      <a className="skip-link" href="#main-content">
        {t('nav.skipToContent')}
      </a>
      <header className="app-header">
        <Link to={paths.map} className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">{t('app.name')}</span>
        </Link>
        <Suspense>
          <OutboxBadge />
        </Suspense>
        <button
          type="button"
          className="menu-toggle"
          aria-expanded={isMenuOpen}
          aria-controls="app-menu"
          aria-label={isMenuOpen ? t('nav.closeMenu') : t('nav.openMenu')}
          onClick={() => setIsMenuOpen((open) => !open)}
        >
          <span className="menu-icon" aria-hidden="true" />
        </button>
        <div id="app-menu" className="app-menu" data-open={isMenuOpen}>
          <nav className="app-nav" aria-label={t('nav.label')}>
            {navItems.map((item) =>
              'items' in item ? (
                <NavMenuGroup key={item.label} group={item} onNavigate={() => setIsMenuOpen(false)} />
              ) : (
                <NavLink
                  key={item.to}
                  to={item.to}
                  end={item.isEnd}
                  className="nav-link"
                  onClick={() => setIsMenuOpen(false)}
                >
                  {item.label}
                  {item.badge ? (
                    <span className="nav-badge" data-testid="nav-badge">
                      <span aria-hidden="true">{item.badge > 99 ? '99+' : item.badge}</span>
                      <span className="visually-hidden">{item.badgeLabel ?? item.badge}</span>
                    </span>
                  ) : null}
                </NavLink>
              ),
            )}
          </nav>
          <div className="header-tools">
            <LanguageSwitch />
            {account}
          </div>
        </div>
      </header>
      <DemoHistoryBanner />
      <main id="main-content" className="app-main" tabIndex={-1}>
        <ConnectionNotices />
        {children}
      </main>
    </div>
  );
}
