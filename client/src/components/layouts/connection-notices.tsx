import { useTranslation } from 'react-i18next';
import { useIsOnline, usePwaState } from '@/lib/pwa-state';

/**
 * YYYY-MM-DD HH:mm in China time (UTC+8 all year, no daylight saving) — as lib/china-time's
 * formatDateTime writes it, without pulling its Intl formatters into the first load.
 */
function chinaMinute(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * The two things a field user must know about the app itself: the network is gone (pages opened before
 * still show their last content), and a new version is ready (applied only when they choose).
 */
export function ConnectionNotices() {
  const { t } = useTranslation();
  const isOnline = useIsOnline();
  const { needsRefresh, update, staleSince } = usePwaState();
  return (
    <>
      {(!isOnline || staleSince) && (
        <p className="connection-notice connection-offline" role="status">
          {t('offline.banner')}
          {staleSince && <> {t('offline.staleSince', { time: chinaMinute(staleSince) })}</>}
        </p>
      )}
      {needsRefresh && update && (
        <p className="connection-notice connection-update" role="status">
          {t('offline.updateReady')}{' '}
          <button type="button" className="button button-small" onClick={() => void update()}>
            {t('offline.reload')}
          </button>
        </p>
      )}
    </>
  );
}
