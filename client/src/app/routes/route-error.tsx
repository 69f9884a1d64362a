import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { MessagePanel } from '@/components/ui/message-panel';
import { paths } from '@/config/paths';
import { describeError } from '@/lib/describe-error';
import { NotFoundRoute } from './not-found';

/** Error element for every route: a crash in one page keeps the header (when the layout survived). */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundRoute />;
  console.error('Route error', error);

  return (
    <div className="page page-message">
      <MessagePanel
        title={t('errors.title')}
        body={describeError(error, t)}
        actions={
          <>
            <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
              {t('errors.reload')}
            </button>
            <Link to={paths.map} className="button" reloadDocument>
              {t('errors.backHome')}
            </Link>
          </>
        }
      />
    </div>
  );
}
