import type { ClientConfig, Me } from '@gridgov/shared';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCategories } from '@/features/cases/api/get-categories';
import { CaseSummaryCard } from '@/features/cases/components/case-summary-card';
import { GridLatestCases } from '@/features/cases/components/grid-latest-cases';
import { GridDetailPanel } from '@/features/grids/components/grid-detail-panel';
import { useGridFigures } from '@/features/map/api/get-grid-figures';
import type { GridFeature } from '@/features/map/api/get-grids-geojson';
import { useMapPoints } from '@/features/map/api/get-map-points';
import { CommandMap } from '@/features/map/components/command-map';
import { type CategoryOption, DashboardControls } from '@/features/map/components/dashboard-controls';
import { GridFigures } from '@/features/map/components/grid-figures';
import { GridPicker, GridSelectionStatus } from '@/features/map/components/grid-picker';
import { useLiveCaseEvents } from '@/features/map/hooks/use-live-case-events';
import { chooseFitBox } from '@/features/map/utils/choose-fit-box';
import {
  MAP_LAYERS,
  type MapFilters,
  parseMapFilters,
  writeMapFilters,
} from '@/features/map/utils/map-filters';
import { pickLocalized } from '@/lib/pick-localized';

const GRID_PARAM = 'grid';
const CASE_PARAM = 'case';
const NO_POINTS: never[] = [];

type CommandMapRouteProps = {
  me: Me;
  mapConfig: ClientConfig['map'];
  features: readonly GridFeature[];
};

/** The town leader's map page: choropleth, village boundaries, live case clusters, grid and case panels. */
export function CommandMapRoute({ me, mapConfig, features }: CommandMapRouteProps) {
  const { t, i18n } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => parseMapFilters(searchParams), [searchParams]);
  const selectedGridId = searchParams.get(GRID_PARAM);
  const selectedCaseId = searchParams.get(CASE_PARAM);
  const isShowingCases = filters.layers.includes('cases');

  const figuresQuery = useGridFigures({ from: filters.from, to: filters.to });
  const pointsQuery = useMapPoints(filters, { isEnabled: isShowingCases });
  const categoriesQuery = useCategories();
  const liveState = useLiveCaseEvents(filters);
  // Opening the map with a window in the URL must not re-fit after every filter change: scope only.
  const [fitBox] = useState(() =>
    chooseFitBox({ features, villageId: null, scope: { bbox: me.scope.bbox, homeGridId: null } }),
  );

  const sortedFeatures = useMemo(
    () => [...features].sort((a, b) => a.properties.code.localeCompare(b.properties.code)),
    [features],
  );

  const categories = useMemo<CategoryOption[]>(
    () =>
      (categoriesQuery.data ?? []).map((category) => ({
        code: category.code,
        name: pickLocalized(i18n.language, category.name, category.nameEn),
        depth: category.parentCode ? 1 : 0,
      })),
    [categoriesQuery.data, i18n.language],
  );

  const setParam = useCallback(
    (key: string, value: string | null) =>
      setSearchParams((params) => {
        const next = new URLSearchParams(params);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      }),
    [setSearchParams],
  );
  const selectGrid = useCallback(
    (gridId: string | null) =>
      setSearchParams((params) => {
        const next = new URLSearchParams(params);
        next.delete(CASE_PARAM);
        if (gridId) next.set(GRID_PARAM, gridId);
        else next.delete(GRID_PARAM);
        return next;
      }),
    [setSearchParams],
  );
  const selectCase = useCallback(
    (caseId: string | null) =>
      setSearchParams((params) => {
        const next = new URLSearchParams(params);
        next.delete(GRID_PARAM);
        if (caseId) next.set(CASE_PARAM, caseId);
        else next.delete(CASE_PARAM);
        return next;
      }),
    [setSearchParams],
  );
  const changeFilters = useCallback(
    (next: MapFilters) => setSearchParams((params) => writeMapFilters(params, next)),
    [setSearchParams],
  );
  const resetFilters = useCallback(
    () =>
      setSearchParams((params) =>
        writeMapFilters(params, { ...parseMapFilters(new URLSearchParams()), layers: [...MAP_LAYERS] }),
      ),
    [setSearchParams],
  );

  const figures = figuresQuery.data?.items;
  const figuresStatus = figuresQuery.isError && !figures ? 'error' : figures ? 'ready' : 'loading';
  const points = (isShowingCases ? pointsQuery.data?.points : undefined) ?? NO_POINTS;

  return (
    <div className="map-page command-map-page">
      <h1 className="visually-hidden">{t('dashboard.title')}</h1>
      <DashboardControls
        filters={filters}
        onChange={changeFilters}
        onReset={resetFilters}
        categories={categories}
        caseCount={points.length}
        isTruncated={pointsQuery.data?.truncated ?? false}
        liveState={liveState}
        gridPicker={
          <>
            <GridPicker grids={sortedFeatures} selectedGridId={selectedGridId} onChange={selectGrid} />
            <GridSelectionStatus grids={features} selectedGridId={selectedGridId} />
          </>
        }
      />
      <div className="map-stage">
        <CommandMap
          mapConfig={mapConfig}
          features={features}
          figures={figures}
          figuresStatus={figuresStatus}
          points={points}
          filters={filters}
          selectedGridId={selectedGridId}
          onSelectGrid={selectGrid}
          onSelectCase={selectCase}
          fitBox={fitBox}
        />
        {pointsQuery.isError && isShowingCases && (
          <p className="map-empty" role="alert">
            {t('dashboard.pointsUnavailable')}
          </p>
        )}
        {selectedGridId && (
          <GridDetailPanel key={selectedGridId} gridId={selectedGridId} onClose={() => selectGrid(null)}>
            <GridFigures
              item={figures?.find((item) => item.id === selectedGridId)}
              window={{ from: filters.from, to: filters.to }}
            />
            <GridLatestCases gridId={selectedGridId} />
          </GridDetailPanel>
        )}
        {selectedCaseId && (
          <CaseSummaryCard
            key={selectedCaseId}
            caseId={selectedCaseId}
            onClose={() => setParam(CASE_PARAM, null)}
          />
        )}
      </div>
    </div>
  );
}
