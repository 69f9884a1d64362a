import '@/styles/forms.css';
import '@/styles/admin-geo.css';
import {
  type GridImportProblemDto,
  type GridUpdateResult,
  geodesicAreaSqm,
  type PolygonCoords,
  type Position,
  type RegridResult,
} from '@gridgov/shared';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { ErrorState } from '@/components/ui/error-state';
import { Spinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import { useMe } from '@/features/auth/api/get-me';
import { GRID_EXPORT_URL } from '@/features/grid-admin/api/grid-mutations';
import { BoundaryEditPanel } from '@/features/grid-admin/components/boundary-edit-panel';
import { GridFiguresForm } from '@/features/grid-admin/components/grid-figures-form';
import { ImportPanel } from '@/features/grid-admin/components/import-panel';
import { MergePanel } from '@/features/grid-admin/components/merge-panel';
import { SplitPanel } from '@/features/grid-admin/components/split-panel';
import type { FilePolygon } from '@/features/grid-admin/utils/list-file-polygons';
import { useClientConfig } from '@/features/map/api/get-config';
import { useGridsGeoJson } from '@/features/map/api/get-grids-geojson';
import { AdminGridMap, type AdminMapMode } from '@/features/map/components/admin/admin-grid-map';
import { computeBBox } from '@/features/map/utils/geometry';
import { hasPermission } from '@/lib/authorization';

const GRID_PARAM = 'grid';

export function AdminGridsRoute() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [searchParams, setSearchParams] = useSearchParams();
  const configQuery = useClientConfig();
  const gridsQuery = useGridsGeoJson();
  const [mode, setMode] = useState<AdminMapMode>('view');
  const [splitLine, setSplitLine] = useState<Position[]>([]);
  const [edited, setEdited] = useState<PolygonCoords | null>(null);
  const [filePolygons, setFilePolygons] = useState<FilePolygon[]>([]);
  const [problems, setProblems] = useState<GridImportProblemDto[]>([]);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [isImportOpen, setIsImportOpen] = useState(false);

  const features = useMemo(
    () =>
      [...(gridsQuery.data?.features ?? [])].sort((a, b) =>
        a.properties.code.localeCompare(b.properties.code),
      ),
    [gridsQuery.data],
  );
  const selectedGridId = searchParams.get(GRID_PARAM);
  const selected = features.find((f) => f.id === selectedGridId) ?? null;
  // The whole area until a grid is picked, then that grid fills the map: editing and cutting need the detail.
  const fitBox = useMemo(
    () =>
      computeBBox(selected ? [selected.geometry] : (gridsQuery.data?.features ?? []).map((f) => f.geometry)),
    [gridsQuery.data, selected],
  );

  const resetTools = useCallback(() => {
    setMode('view');
    setSplitLine([]);
    setEdited(null);
  }, []);
  const selectGrid = useCallback(
    (gridId: string | null) => {
      resetTools();
      setOutcome(null);
      setSearchParams((params) => {
        const next = new URLSearchParams(params);
        if (gridId) next.set(GRID_PARAM, gridId);
        else next.delete(GRID_PARAM);
        return next;
      });
    },
    [resetTools, setSearchParams],
  );
  const addSplitPoint = useCallback((p: Position) => setSplitLine((line) => [...line, p]), []);
  const showPreview = useCallback((polygons: FilePolygon[], found: GridImportProblemDto[]) => {
    setFilePolygons(polygons);
    setProblems(found);
  }, []);
  const finishBoundaryEdit = (result: GridUpdateResult) => {
    resetTools();
    setOutcome(t('adminGeo.grids.boundaryDone', { code: result.code, count: result.movedCaseIds.length }));
  };
  const finishRegrid = (result: RegridResult) => {
    resetTools();
    setOutcome(
      result.removedGridId
        ? t('adminGeo.grids.mergeDone', { count: result.movedCaseIds.length })
        : t('adminGeo.grids.splitDone', {
            a: result.grids[0]?.code,
            b: result.grids[1]?.code,
            count: result.movedCaseIds.length,
          }),
    );
  };

  if (me && !hasPermission(me.roles, 'manageGeo')) return <Navigate to={paths.map} replace />;
  if (configQuery.isError || gridsQuery.isError) {
    return (
      <div className="page">
        <ErrorState error={configQuery.error ?? gridsQuery.error} onRetry={() => void gridsQuery.refetch()} />
      </div>
    );
  }
  if (!configQuery.data || !gridsQuery.data)
    return <Spinner isFullPage label={t('adminGeo.common.loading')} />;

  const candidates = selected
    ? features
        .filter((f) => f.id !== selected.id && f.properties.village.id === selected.properties.village.id)
        .map((f) => ({ id: f.id, code: f.properties.code, name: f.properties.name }))
    : [];

  return (
    <div className="admin-geo-page">
      <div className="admin-geo-map">
        <AdminGridMap
          mapConfig={configQuery.data.map}
          label={t('adminGeo.grids.mapLabel')}
          features={features}
          selectedGridId={selectedGridId}
          onSelect={selectGrid}
          mode={mode}
          splitLine={splitLine}
          onSplitPoint={addSplitPoint}
          onBoundaryEdited={setEdited}
          previewFeatures={filePolygons}
          problems={problems}
          fitBox={fitBox}
        />
      </div>
      <aside className="admin-geo-panel" aria-label={t('adminGeo.grids.details')}>
        <h1 className="page-title">{t('adminGeo.grids.title')}</h1>
        <div className="admin-actions">
          <a className="button" href={GRID_EXPORT_URL} download="grids.geojson">
            {t('adminGeo.grids.export')}
          </a>
          <button
            type="button"
            className="button"
            aria-expanded={isImportOpen}
            onClick={() => setIsImportOpen((o) => !o)}
          >
            {t('adminGeo.grids.import')}
          </button>
        </div>
        {isImportOpen && <ImportPanel onPreview={showPreview} />}
        <label className="field">
          <span className="field-label">{t('adminGeo.grids.gridList')}</span>
          <select value={selectedGridId ?? ''} onChange={(e) => selectGrid(e.target.value || null)}>
            <option value="">{t('adminGeo.grids.chooseGrid')}</option>
            {features.map((f) => (
              <option key={f.id} value={f.id}>
                {f.properties.name} ({f.properties.code})
              </option>
            ))}
          </select>
        </label>
        {outcome && (
          <p className="notice notice-success" role="status">
            {outcome}
          </p>
        )}
        {!selected && <p className="muted">{t('adminGeo.grids.pick')}</p>}
        {selected && (
          <section className="admin-grid-details">
            <h2 className="admin-subtitle">{selected.properties.name}</h2>
            <dl className="admin-facts">
              <dt>{t('adminGeo.grids.code')}</dt>
              <dd>{selected.properties.code}</dd>
              <dt>{t('adminGeo.grids.area')}</dt>
              <dd>
                {t('adminGeo.grids.areaValue', {
                  value: (geodesicAreaSqm(selected.geometry.coordinates) / 1e6).toFixed(2),
                })}
              </dd>
            </dl>
            <GridFiguresForm
              // Re-keyed when the stored figures change (a split shares them out), so the form shows them.
              key={`${selected.id}:${selected.properties.households}:${selected.properties.population}:${selected.properties.name}`}
              grid={selected.properties}
            />
            {mode === 'view' && (
              <div className="admin-actions">
                <button type="button" className="button" onClick={() => setMode('edit')}>
                  {t('adminGeo.grids.editBoundary')}
                </button>
                <button type="button" className="button" onClick={() => setMode('split')}>
                  {t('adminGeo.grids.split')}
                </button>
              </div>
            )}
            {mode === 'edit' && (
              <BoundaryEditPanel
                gridId={selected.id}
                edited={edited}
                onDone={finishBoundaryEdit}
                onCancel={resetTools}
              />
            )}
            {mode === 'split' && (
              <SplitPanel
                gridId={selected.id}
                line={splitLine}
                onUndo={() => setSplitLine((line) => line.slice(0, -1))}
                onCancel={resetTools}
                onDone={finishRegrid}
              />
            )}
            {mode === 'view' && (
              <>
                <h3 className="admin-subtitle">{t('adminGeo.grids.merge')}</h3>
                <MergePanel
                  key={selected.id}
                  gridId={selected.id}
                  candidates={candidates}
                  onDone={finishRegrid}
                />
              </>
            )}
          </section>
        )}
      </aside>
    </div>
  );
}
