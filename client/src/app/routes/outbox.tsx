import '@/styles/cases.css';
import { useTranslation } from 'react-i18next';
import { OutboxList } from '@/features/outbox/components/outbox-list';

/** 待上传: what this phone still has to send, each item's state, and the last successful sync. */
export function OutboxRoute() {
  const { t } = useTranslation();
  return (
    <div className="page page-narrow">
      <h1 className="page-title">{t('outbox.title')}</h1>
      <p className="muted page-intro">{t('outbox.subtitle')}</p>
      <OutboxList />
    </div>
  );
}
