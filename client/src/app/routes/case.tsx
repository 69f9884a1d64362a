import '@/styles/forms.css';
import '@/styles/badges.css';
import '@/styles/case-page.css';
import '@/styles/photo-picker.css';
import type { CaseDetail } from '@gridgov/shared';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ErrorState } from '@/components/ui/error-state';
import { Spinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import { useCase } from '@/features/cases/api/get-case';
import { useCategories } from '@/features/cases/api/get-categories';
import { CaseView } from '@/features/cases/components/case-view';
import { ReportSuccessNotice, readReportedNumber } from '@/features/cases/components/report-success-notice';
import { findCategory } from '@/features/cases/utils/categories';
import { useGrid } from '@/features/grids/api/get-grid';
import { useClientConfig } from '@/features/map/api/get-config';

// Leaflet arrives only when a case is shown, not with the list or the shell.
const CaseLocationMap = lazy(async () => ({
  default: (await import('@/features/map/components/case-location-map')).CaseLocationMap,
}));

export function CaseRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const caseQuery = useCase(id);
  const location = useLocation();
  const navigate = useNavigate();
  // Shown once: the navigation state is cleared at once, so a reload or a later visit shows no notice.
  const [reported, setReported] = useState(() => {
    const number = readReportedNumber(location.state);
    return number ? { caseId: id, number } : null;
  });
  const hasReportedState = readReportedNumber(location.state) !== null;
  useEffect(() => {
    if (hasReportedState) void navigate('.', { replace: true, state: null });
  }, [hasReportedState, navigate]);

  return (
    <div className="page case-route">
      {reported?.caseId === id && (
        <ReportSuccessNotice caseId={id} caseNumber={reported.number} onDismiss={() => setReported(null)} />
      )}
      <Link to={paths.cases} className="back-link">
        {t('caseDetail.back')}
      </Link>
      {caseQuery.isPending && <Spinner />}
      {caseQuery.isError && <ErrorState error={caseQuery.error} onRetry={() => void caseQuery.refetch()} />}
      {caseQuery.data && <LoadedCase caseDetail={caseQuery.data} />}
    </div>
  );
}

function LoadedCase({ caseDetail }: { caseDetail: CaseDetail }) {
  const { t } = useTranslation();
  const categoriesQuery = useCategories();
  const configQuery = useClientConfig();
  // The outline is a nicety: without it (not loaded, no access) the pin is still shown.
  const gridQuery = useGrid(caseDetail.grid.id);
  const boundary = gridQuery.data?.boundary ?? null;
  const hasSomethingToShow = caseDetail.location !== null || boundary !== null;

  const map =
    configQuery.data && hasSomethingToShow ? (
      <Suspense fallback={<Spinner label={t('map.loading')} />}>
        <CaseLocationMap
          mapConfig={configQuery.data.map}
          location={caseDetail.location}
          boundary={boundary}
        />
      </Suspense>
    ) : null;

  return (
    <CaseView
      caseDetail={caseDetail}
      category={findCategory(categoriesQuery.data, caseDetail.category.code)}
      map={map}
    />
  );
}
