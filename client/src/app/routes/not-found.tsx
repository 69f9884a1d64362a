import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MessagePanel } from '@/components/ui/message-panel';
import { paths } from '@/config/paths';

export function NotFoundRoute() {
  const { t } = useTranslation();
  return (
    <div className="page page-message">
      <MessagePanel
        eyebrow={t('notFound.code')}
        title={t('notFound.title')}
        body={t('notFound.body')}
        actions={
          <Link to={paths.map} className="button button-primary">
            {t('errors.backHome')}
          </Link>
        }
      />
    </div>
  );
}
