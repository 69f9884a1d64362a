import type { SignInThrottle } from '@gridgov/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '@/components/ui/error-state';
import { Spinner } from '@/components/ui/spinner';
import { buildAdminStaffPath } from '@/config/paths';
import { formatDateTime } from '@/lib/china-time';
import { useClearSignInThrottle, useSignInThrottles } from '../api/sign-in-throttles';

/** Who is held back at sign-in now, and lifting it (docs/decisions/016). */
export function SignInThrottlesView() {
  const { t } = useTranslation();
  const throttles = useSignInThrottles();
  const clear = useClearSignInThrottle();
  const [confirming, setConfirming] = useState<SignInThrottle | null>(null);
  const items = throttles.data?.items ?? [];

  return (
    <div className="admin-throttles">
      <p className="muted">
        {t('adminStaff.throttles.intro', { minutes: throttles.data?.windowMinutes ?? 15 })}
      </p>
      {throttles.isPending && <Spinner />}
      {throttles.isError && <ErrorState error={throttles.error} onRetry={() => void throttles.refetch()} />}
      {throttles.data && items.length === 0 && (
        <p className="empty-state">{t('adminStaff.throttles.empty')}</p>
      )}
      {clear.isSuccess && (
        <p role="status" className="notice notice-success">
          {t('adminStaff.throttles.cleared', { count: clear.data.cleared })}
        </p>
      )}
      {clear.isError && <ErrorState error={clear.error} />}
      {items.length > 0 && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
        <section className="table-scroll" tabIndex={0} aria-label={t('adminStaff.throttles.title')}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('adminStaff.throttles.kind')}</th>
                <th scope="col">{t('adminStaff.throttles.key')}</th>
                <th scope="col">{t('adminStaff.throttles.failures')}</th>
                <th scope="col">{t('adminStaff.throttles.lastFailure')}</th>
                <th scope="col">{t('adminStaff.throttles.state')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('adminStaff.throttles.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={`${item.kind}:${item.key}`}>
                  <td>{t(`adminStaff.throttles.kinds.${item.kind}`)}</td>
                  <td>
                    {item.staff ? (
                      <Link to={buildAdminStaffPath(item.staff.id)}>
                        {item.staff.name} <span className="mono muted">{item.staff.username}</span>
                      </Link>
                    ) : (
                      <span className="mono">{item.kind === 'device' ? item.key.slice(0, 8) : item.key}</span>
                    )}
                  </td>
                  <td>{item.failures}</td>
                  <td className="mono">{formatDateTime(item.lastFailureAt)}</td>
                  <td>
                    {item.lockedUntil ? (
                      <span className="tag tag-disabled">
                        {t('adminStaff.throttles.lockedUntil', {
                          time: formatDateTime(item.lockedUntil),
                        })}
                      </span>
                    ) : (
                      <span className="muted">{t('adminStaff.throttles.open')}</span>
                    )}
                  </td>
                  <td>
                    {confirming?.kind === item.kind && confirming.key === item.key ? (
                      <span className="confirm-inline">
                        <span>
                          {t('adminStaff.throttles.confirm', { who: item.staff?.name ?? item.key })}
                        </span>{' '}
                        <button
                          type="button"
                          className="button button-primary"
                          disabled={clear.isPending}
                          onClick={() => {
                            clear.mutate({ kind: item.kind, key: item.key });
                            setConfirming(null);
                          }}
                        >
                          {t('adminStaff.throttles.confirmClear')}
                        </button>{' '}
                        <button type="button" className="button" onClick={() => setConfirming(null)}>
                          {t('adminStaff.common.cancel')}
                        </button>
                      </span>
                    ) : (
                      <button type="button" className="button" onClick={() => setConfirming(item)}>
                        {t('adminStaff.throttles.clear')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
