// Loaded lazily by the header (the first load's budget is spent): the outbox count and its strings.
import i18next from 'i18next';
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '@/config/paths';

// The outbox (lib/outbox/outbox-count.ts) keeps the count here and announces changes with this event.
const COUNT_KEY = 'gridgov.outbox.count';
const COUNT_EVENT = 'gridgov-outbox-count';

i18next.addResourceBundle(
  'zh-CN',
  'translation',
  { nav: { outboxCount_one: '{{count}} 条待上传', outboxCount_other: '{{count}} 条待上传' } },
  true,
  false,
);
i18next.addResourceBundle(
  'en',
  'translation',
  {
    nav: { outboxCount_one: '{{count}} waiting to upload', outboxCount_other: '{{count}} waiting to upload' },
  },
  true,
  false,
);

function readCount(): number {
  try {
    return Number(localStorage.getItem(COUNT_KEY)) || 0;
  } catch {
    return 0;
  }
}

function subscribe(listener: () => void) {
  window.addEventListener(COUNT_EVENT, listener);
  // Another tab of the app changed the outbox.
  window.addEventListener('storage', listener);
  return () => {
    window.removeEventListener(COUNT_EVENT, listener);
    window.removeEventListener('storage', listener);
  };
}

// Writes left by a reload or a closed tab resume sending (decision 025); the outbox code (IndexedDB)
// loads only when something waits, and queueing a write starts it too.
if (readCount() > 0) {
  void import('@/lib/outbox/outbox-sync').then(({ startOutboxSync }) => startOutboxSync());
}

/** "3 条待上传": writes still on this phone, always in sight (issue 14); opens the outbox page. */
export default function OutboxBadge() {
  const { t } = useTranslation();
  const count = useSyncExternalStore(subscribe, readCount);
  if (count === 0) return null;
  return (
    <Link to={paths.outbox} className="outbox-badge" data-testid="outbox-badge">
      {t('nav.outboxCount' as never, { count })}
    </Link>
  );
}
