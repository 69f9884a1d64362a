import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { initI18n } from './lib/i18n';
import { installOurMessages } from './lib/our-validity';
import { readOutboxCount } from './lib/outbox-count';

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

// Writes left in the offline outbox by a reload or a closed tab resume sending (decision 025). The
// outbox code (IndexedDB) loads only when something waits; queueing a write starts it too.
if (readOutboxCount() > 0) {
  window.addEventListener('load', () => {
    void import('./lib/outbox/start-outbox').then(({ startOutboxSync }) => startOutboxSync());
  });
}
