import '@/styles/forms.css';
import '@/styles/badges.css';
import '@/styles/cases.css';
import '@/styles/stats.css';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { useMe } from '@/features/auth/api/get-me';
import { toCaseListQuery } from '@/features/cases/api/get-cases';
import { useCategories } from '@/features/cases/api/get-categories';
import { CaseFiltersForm } from '@/features/cases/components/case-filters-form';
import { CaseList } from '@/features/cases/components/case-list';
import { useCaseFilters } from '@/features/cases/hooks/use-case-filters';
import { ExportButtons } from '@/features/exports/components/export-buttons';
import { useRegionTree } from '@/features/hierarchy/api/get-region-tree';
import { hasPermission } from '@/lib/authorization';

/** Every case the server lets this person see (it scopes the list), filtered by what is in the URL. */
export function CasesRoute() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { filters, updateFilters, resetFilters } = useCaseFilters();
  const categoriesQuery = useCategories();
  const treeQuery = useRegionTree();
  const exportQuery = useMemo(() => {
    const { cursor: _cursor, limit: _limit, ...query } = toCaseListQuery(filters, null);
    return query;
  }, [filters]);

  const { villages, gridNames } = useMemo(() => {
    const towns = treeQuery.data?.towns ?? [];
    // Across several towns a village name alone can be ambiguous.
    const withTown = towns.length > 1;
    return {
      villages: towns.flatMap((town) =>
        town.villages.map((village) => ({
          id: village.id,
          name: withTown ? `${town.name} ${village.name}` : village.name,
        })),
      ),
      gridNames: new Map(
        towns.flatMap((town) =>
          town.villages.flatMap((village) => village.grids.map((grid) => [grid.id, grid.name])),
        ),
      ),
    };
  }, [treeQuery.data]);

  return (
    <div className="page">
      <div className="page-heading">
        <h1 className="page-title">{t('cases.listTitle')}</h1>
        <Link to={paths.newCase} className="button button-primary">
          {t('cases.newCase')}
        </Link>
      </div>
      <CaseFiltersForm
        filters={filters}
        onChange={updateFilters}
        onReset={resetFilters}
        categories={categoriesQuery.data ?? []}
        villages={villages}
        gridName={filters.gridId ? (gridNames.get(filters.gridId) ?? null) : null}
      />
      {hasPermission(me?.roles ?? [], 'exportData') && (
        <ExportButtons path="/api/cases/export" query={exportQuery} />
      )}
      <CaseList
        filters={filters}
        canBulkDispatch={hasPermission(me?.roles ?? [], 'bulkDispatchCases')}
        label={t('cases.listTitle')}
        emptyText={t('cases.empty')}
      />
    </div>
  );
}
