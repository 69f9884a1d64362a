import '@/styles/badges.css';
import '@/styles/cases.css';
import { useTranslation } from 'react-i18next';
import { InboxView } from '@/features/inbox/components/inbox-view';

/** 我的待办: the work inbox — what waits for the signed-in person, most pressing first (issue 20). */
export function TasksRoute() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <h1 className="page-title">{t('tasks.title')}</h1>
      <p className="muted page-intro">{t('tasks.subtitle')}</p>
      <InboxView />
    </div>
  );
}
