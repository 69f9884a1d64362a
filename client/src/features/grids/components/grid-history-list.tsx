import { type GridDetail, ROLES, type Role } from '@gridgov/shared';
import { useTranslation } from 'react-i18next';
import { formatDate } from '@/lib/china-time';

type GridHistoryListProps = { history: GridDetail['history'] };

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function GridHistoryList({ history }: GridHistoryListProps) {
  const { t } = useTranslation();
  if (history.length === 0) return <p className="muted">{t('gridPanel.noHistory')}</p>;

  return (
    <ol className="history-list">
      {history.map((entry) => (
        <li key={`${entry.staff.id}-${entry.role}-${entry.startedAt}`} data-current={entry.endedAt === null}>
          <span className="history-who">
            <span className="staff-name">{entry.staff.name}</span>
            <span className="tag">{isRole(entry.role) ? t(`roles.${entry.role}`) : entry.role}</span>
          </span>
          <span className="history-when">
            {formatDate(entry.startedAt)} – {entry.endedAt ? formatDate(entry.endedAt) : t('common.present')}
          </span>
        </li>
      ))}
    </ol>
  );
}
