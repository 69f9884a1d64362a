import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ErrorState } from '@/components/ui/error-state';
import { Spinner } from '@/components/ui/spinner';
import { formatDateTime } from '@/lib/china-time';
import { discardOutboxItem, type OutboxItem } from '@/lib/outbox/outbox';
import { syncOutbox } from '@/lib/outbox/outbox-sync';
import { useIsOnline } from '@/lib/pwa-state';
import { useOutboxItems } from '../hooks/use-outbox-items';
import { OutboxItemCard } from './outbox-item-card';

/** Everything this phone still has to send (and what it sent lately), newest first. */
export function OutboxList() {
  const { t } = useTranslation();
  const { view, error } = useOutboxItems();
  const isOnline = useIsOnline();
  const [discarding, setDiscarding] = useState<OutboxItem | null>(null);
  const [isSyncing, setIsSyncing] = useState(false);

  if (error) return <ErrorState error={error} />;
  if (!view) return <Spinner />;
  const unsent = view.items.filter((item) => item.state !== 'sent').length;

  async function sendNow() {
    setIsSyncing(true);
    try {
      await syncOutbox({ force: true });
    } finally {
      setIsSyncing(false);
    }
  }

  return (
    <section className="outbox">
      <p className="outbox-summary" role="status">
        {unsent > 0 ? t('outbox.summary', { count: unsent }) : t('outbox.allSent')}{' '}
        {view.lastSyncAt
          ? t('outbox.lastSync', { time: formatDateTime(view.lastSyncAt) })
          : t('outbox.neverSynced')}
      </p>
      {unsent > 0 && (
        <button
          type="button"
          className="button button-small"
          disabled={!isOnline || isSyncing}
          onClick={() => void sendNow()}
        >
          {isSyncing ? t('outbox.sending') : isOnline ? t('outbox.sendNow') : t('outbox.waitingForNetwork')}
        </button>
      )}
      {view.items.length === 0 ? (
        <p className="empty-state">{t('outbox.empty')}</p>
      ) : (
        <ul className="outbox-items" aria-label={t('outbox.listLabel')}>
          {view.items.map((item) => (
            <OutboxItemCard key={item.id} item={item} onDiscard={setDiscarding} />
          ))}
        </ul>
      )}
      {discarding && (
        <ConfirmDialog
          title={t('outbox.discardTitle')}
          confirmLabel={t('outbox.discard')}
          onCancel={() => setDiscarding(null)}
          onConfirm={() => {
            const { id } = discarding;
            setDiscarding(null);
            void discardOutboxItem(id);
          }}
        >
          {t('outbox.discardBody', { label: discarding.label })}
        </ConfirmDialog>
      )}
    </section>
  );
}
