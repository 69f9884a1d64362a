import '@/styles/forms.css';
import '@/styles/badges.css';
import '@/styles/report.css';
import '@/styles/photo-picker.css';
import type { CaseDetail, LonLat } from '@gridgov/shared';
import { lazy, Suspense, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorState } from '@/components/ui/error-state';
import { Spinner } from '@/components/ui/spinner';
import { buildCasePath, paths } from '@/config/paths';
import { useMe } from '@/features/auth/api/get-me';
import { useCategories } from '@/features/cases/api/get-categories';
import { type LocationMapProps, ReportForm } from '@/features/cases/components/report-form';
import type { ReportedState } from '@/features/cases/components/report-success-notice';
import { useClientConfig } from '@/features/map/api/get-config';
import { useGridsGeoJson } from '@/features/map/api/get-grids-geojson';
import { chooseFitBox } from '@/features/map/utils/choose-fit-box';
import { findGridAt } from '@/features/map/utils/find-grid-at';

// The form is usable before Leaflet has arrived (grid select, "use my location"); the map follows.
const LocationPicker = lazy(async () => ({
  default: (await import('@/features/map/components/location-picker')).LocationPicker,
}));

export function ReportCaseRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const categoriesQuery = useCategories();
  const configQuery = useClientConfig();
  const gridsQuery = useGridsGeoJson();

  const allFeatures = gridsQuery.data?.features;
  const features = useMemo(
    () => [...(allFeatures ?? [])].sort((a, b) => a.properties.code.localeCompare(b.properties.code)),
    [allFeatures],
  );
  const grids = useMemo(
    () =>
      features.map((feature) => ({
        id: feature.id,
        label: `${feature.properties.code} ${feature.properties.name}`,
      })),
    [features],
  );
  const scope = me?.scope;
  const initialBox = useMemo(
    () => (scope ? chooseFitBox({ features, villageId: null, scope }) : null),
    [features, scope],
  );
  const findGrid = useCallback((location: LonLat) => findGridAt(features, location)?.id ?? null, [features]);
  const handleCreated = useCallback(
    // Replace: Back from the new case should not reopen a filled-in form that was already sent.
    // The case page says it worked (and shows the number) from this state; see ReportSuccessNotice.
    (detail: CaseDetail) =>
      navigate(buildCasePath(detail.id), {
        replace: true,
        state: { reported: { number: detail.number } } satisfies ReportedState,
      }),
    [navigate],
  );
  // No network: the report waits on the phone; the outbox page shows it and sends it once online.
  const handleQueued = useCallback(() => navigate(paths.outbox, { replace: true }), [navigate]);
  const mapConfig = configQuery.data?.map;
  const renderMap = useCallback(
    (props: LocationMapProps) =>
      mapConfig ? (
        <Suspense
          fallback={<div className="location-picker location-picker-loading">{t('report.mapLoading')}</div>}
        >
          <LocationPicker
            mapConfig={mapConfig}
            features={features}
            location={props.location}
            gridId={props.gridId}
            onPick={props.onPick}
            initialBox={initialBox}
          />
        </Suspense>
      ) : null,
    [mapConfig, features, initialBox, t],
  );

  // Without categories nothing can be reported; without the map or grids the form still works (less well).
  if (categoriesQuery.isError) {
    return (
      <div className="page">
        <ErrorState error={categoriesQuery.error} onRetry={() => void categoriesQuery.refetch()} />
      </div>
    );
  }
  if (!me || categoriesQuery.isPending || gridsQuery.isPending || configQuery.isPending) {
    return <Spinner isFullPage />;
  }
  const homeGridId = grids.some((grid) => grid.id === me.scope.homeGridId) ? me.scope.homeGridId : null;

  return (
    <div className="page page-narrow">
      <h1 className="page-title">{t('report.title')}</h1>
      <ReportForm
        categories={categoriesQuery.data}
        grids={grids}
        defaultGridId={homeGridId}
        findGridAt={findGrid}
        renderMap={renderMap}
        onCreated={handleCreated}
        onQueued={handleQueued}
      />
    </div>
  );
}
