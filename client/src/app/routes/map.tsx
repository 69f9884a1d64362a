import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorState } from '@/components/ui/error-state';
import { Spinner } from '@/components/ui/spinner';
import { useMe } from '@/features/auth/api/get-me';
import { GridDetailPanel } from '@/features/grids/components/grid-detail-panel';
import { useClientConfig } from '@/features/map/api/get-config';
import { useGridsGeoJson } from '@/features/map/api/get-grids-geojson';
import { GridMap } from '@/features/map/components/grid-map';
import { MapToolbar } from '@/features/map/components/map-toolbar';
import { chooseFitBox } from '@/features/map/utils/choose-fit-box';
import { listVillages } from '@/features/map/utils/list-villages';
import { CommandMapRoute } from './command-map';

const GRID_PARAM = 'grid';
const VILLAGE_PARAM = 'village';

export function MapRoute() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const { data: me } = useMe();
  const configQuery = useClientConfig();
  const gridsQuery = useGridsGeoJson();

  const allFeatures = gridsQuery.data?.features;
  const villages = useMemo(() => listVillages(allFeatures ?? []), [allFeatures]);
  const requestedVillageId = searchParams.get(VILLAGE_PARAM);
  // A stale or foreign village id in a shared link falls back to "all villages" instead of an empty map.
  const villageId = villages.some((village) => village.id === requestedVillageId) ? requestedVillageId : null;
  const selectedGridId = searchParams.get(GRID_PARAM);

  const features = useMemo(
    () =>
      (allFeatures ?? [])
        .filter((feature) => !villageId || feature.properties.village.id === villageId)
        .sort((a, b) => a.properties.code.localeCompare(b.properties.code)),
    [allFeatures, villageId],
  );
  const scope = me?.scope;
  const fitBox = useMemo(
    () => (scope ? chooseFitBox({ features: allFeatures ?? [], villageId, scope }) : null),
    [allFeatures, villageId, scope],
  );

  const selectGrid = useCallback(
    (gridId: string | null) => setSearchParams((params) => withParam(params, GRID_PARAM, gridId)),
    [setSearchParams],
  );
  const selectVillage = useCallback(
    (nextVillageId: string | null) =>
      setSearchParams((params) => {
        const next = withParam(params, VILLAGE_PARAM, nextVillageId);
        const gridId = next.get(GRID_PARAM);
        const isGridInVillage = allFeatures?.some(
          (feature) => feature.id === gridId && feature.properties.village.id === nextVillageId,
        );
        return nextVillageId && !isGridInVillage ? withParam(next, GRID_PARAM, null) : next;
      }),
    [setSearchParams, allFeatures],
  );

  if (configQuery.isError || gridsQuery.isError) {
    const retry = () => void Promise.all([configQuery.refetch(), gridsQuery.refetch()]);
    return (
      <div className="page">
        <ErrorState error={configQuery.error ?? gridsQuery.error} onRetry={retry} />
      </div>
    );
  }
  if (!configQuery.data || !gridsQuery.data || !me) return <Spinner isFullPage label={t('map.loading')} />;
  // Town and county leaders get the command map; grid staff keep the plain map of their grids.
  if (me.scope.level !== 'grids') {
    return <CommandMapRoute me={me} mapConfig={configQuery.data.map} features={gridsQuery.data.features} />;
  }

  return (
    <div className="map-page">
      <h1 className="visually-hidden">{t('map.title')}</h1>
      <MapToolbar
        villages={villages}
        villageId={villageId}
        onVillageChange={selectVillage}
        grids={features}
        selectedGridId={selectedGridId}
        onGridChange={selectGrid}
      />
      <div className="map-stage">
        <GridMap
          mapConfig={configQuery.data.map}
          features={features}
          selectedGridId={selectedGridId}
          onSelect={selectGrid}
          fitBox={fitBox}
        />
        {features.length === 0 && <p className="map-empty">{t('map.empty')}</p>}
        {selectedGridId && (
          <GridDetailPanel key={selectedGridId} gridId={selectedGridId} onClose={() => selectGrid(null)} />
        )}
      </div>
    </div>
  );
}

function withParam(params: URLSearchParams, key: string, value: string | null): URLSearchParams {
  const next = new URLSearchParams(params);
  if (value) next.set(key, value);
  else next.delete(key);
  return next;
}
