import '@/styles/badges.css';
import '@/styles/cases.css';
import { OPEN_STATUSES } from '@gridgov/shared';
import { useTranslation } from 'react-i18next';
import type { CaseFilters } from '@/features/cases/api/get-cases';
import { CaseList } from '@/features/cases/components/case-list';
import { DEFAULT_CASE_FILTERS } from '@/features/cases/utils/case-filters';

/** Open cases assigned to the signed-in person, the most pressing deadline first. */
const MY_TASKS: CaseFilters = {
  ...DEFAULT_CASE_FILTERS,
  assigneeId: 'me',
  status: [...OPEN_STATUSES],
  sort: 'deadline_asc',
};

export function TasksRoute() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <h1 className="page-title">{t('tasks.title')}</h1>
      <p className="muted page-intro">{t('tasks.subtitle')}</p>
      <CaseList
        filters={MY_TASKS}
        canBulkDispatch={false}
        label={t('tasks.title')}
        emptyText={t('tasks.empty')}
      />
    </div>
  );
}
