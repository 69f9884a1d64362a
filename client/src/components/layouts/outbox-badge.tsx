import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { useOutboxCount } from '@/lib/outbox-count';

/** "3 条待上传": writes still on this phone, always in sight (issue 14); opens the outbox page. */
export function OutboxBadge() {
  const { t } = useTranslation();
  const count = useOutboxCount();
  if (count === 0) return null;
  return (
    <Link to={paths.outbox} className="outbox-badge" data-testid="outbox-badge">
      {t('nav.outboxCount', { count })}
    </Link>
  );
}
