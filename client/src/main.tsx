import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { initI18n } from './lib/i18n';
import { installOurMessages } from './lib/our-validity';

const i18n = initI18n();
installOurMessages((key, values) => i18n.t(key, values));

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('Missing #root element in index.html');

createRoot(rootElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The service worker (offline app shell, issue 14): only in the production build, after the first render.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    void import('./lib/pwa').then(({ registerServiceWorker }) => registerServiceWorker());
  });
}
