// Registers the service worker (vite-plugin-pwa, Workbox) once the app has rendered. A new version
// never takes over a page silently: it waits until the person chooses to reload (UpdatePrompt).
import { registerSW } from 'virtual:pwa-register';
import { setPwaState } from './pwa-state';

/** How often an open app asks the server whether a new version was deployed. */
const UPDATE_CHECK_MS = 30 * 60_000;

export function registerServiceWorker(): void {
  const update = registerSW({
    onNeedRefresh: () => setPwaState({ needsRefresh: true, update: () => update(true) }),
    onRegisteredSW: (_url, registration) => {
      if (!registration) return;
      setInterval(() => void registration.update(), UPDATE_CHECK_MS);
    },
  });
  // Keep what the person saved on this phone unless the browser is truly out of space.
  void navigator.storage?.persist?.();
}
