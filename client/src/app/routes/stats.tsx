import '@/styles/cases.css';
import '@/styles/stats.css';
import type { StatsBreakdownItem, StatsDimension } from '@gridgov/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/ui/error-state';
import { Spinner } from '@/components/ui/spinner';
import { Tabs } from '@/components/ui/tabs';
import { buildCaseListPath } from '@/config/paths';
import { useCategories } from '@/features/cases/api/get-categories';
import { ExportButtons } from '@/features/exports/components/export-buttons';
import { useRegionTree } from '@/features/hierarchy/api/get-region-tree';
import { useStatsBreakdown } from '@/features/stats/api/get-stats-breakdown';
import { useStatsSummary } from '@/features/stats/api/get-stats-summary';
import { useStatsTrend } from '@/features/stats/api/get-stats-trend';
import { FigureCards } from '@/features/stats/components/figure-cards';
import { RankingsTable } from '@/features/stats/components/rankings-table';
import { StatsFiltersForm } from '@/features/stats/components/stats-filters-form';
import { TrendChart } from '@/features/stats/components/trend-chart';
import { useStatsFilters } from '@/features/stats/hooks/use-stats-filters';
import { type StatsFilters, toStatsQuery } from '@/features/stats/utils/stats-filters';
import { pickLocalized } from '@/lib/pick-localized';

const DIMENSIONS: readonly StatsDimension[] = ['grid', 'village', 'worker', 'category'];
const CASE_FILTER_OF: Record<StatsDimension, string> = {
  grid: 'gridId',
  village: 'villageId',
  worker: 'assigneeId',
  category: 'categoryCode',
};

/** The case list behind a ranking row: its slice, the page's other filters and the window. */
function buildRowCasesPath(filters: StatsFilters, by: StatsDimension, item: StatsBreakdownItem): string {
  return buildCaseListPath({
    villageId: filters.villageId,
    gridId: filters.gridId,
    categoryCode: filters.categoryCode,
    from: filters.from,
    to: filters.to,
    [CASE_FILTER_OF[by]]: by === 'category' ? item.code || item.id : item.id,
  });
}

/** Figures, trend and rankings for the person's territory over a window (town leaders, leaders, admins). */
export function StatsRoute() {
  const { t, i18n } = useTranslation();
  const { filters, updateFilters, resetFilters } = useStatsFilters();
  const query = useMemo(() => toStatsQuery(filters), [filters]);
  const summaryQuery = useStatsSummary(query);
  const trendQuery = useStatsTrend(
    useMemo(() => ({ ...query, interval: filters.interval }), [query, filters.interval]),
  );
  const breakdownQuery = useStatsBreakdown(
    useMemo(() => ({ ...query, by: filters.by }), [query, filters.by]),
  );
  const treeQuery = useRegionTree();
  const categoriesQuery = useCategories();
  const exportQuery = useMemo(() => ({ ...query, by: filters.by }), [query, filters.by]);

  const { villages, grids } = useMemo(() => {
    const allVillages = (treeQuery.data?.towns ?? []).flatMap((town) => town.villages);
    const chosen = allVillages.filter((village) => !filters.villageId || village.id === filters.villageId);
    return {
      villages: allVillages.map((village) => ({ id: village.id, name: village.name })),
      grids: chosen.flatMap((village) => village.grids.map((grid) => ({ id: grid.id, name: grid.name }))),
    };
  }, [treeQuery.data, filters.villageId]);

  return (
    <div className="page stats-page">
      <div className="page-heading">
        <h1 className="page-title">{t('stats.title')}</h1>
        <p className="muted">{t('stats.windowText', { from: filters.from, to: filters.to })}</p>
      </div>
      <StatsFiltersForm
        filters={filters}
        onChange={updateFilters}
        onReset={resetFilters}
        villages={villages}
        grids={grids}
        categories={(categoriesQuery.data ?? []).map((c) => ({
          code: c.code,
          name: c.name,
          nameEn: c.nameEn,
        }))}
      />
      <section aria-labelledby="stats-figures">
        <h2 id="stats-figures" className="visually-hidden">
          {t('stats.figuresLabel')}
        </h2>
        {summaryQuery.data ? (
          <FigureCards figures={summaryQuery.data.figures} />
        ) : summaryQuery.isError ? (
          <ErrorState error={summaryQuery.error} onRetry={() => void summaryQuery.refetch()} />
        ) : (
          <Spinner />
        )}
      </section>
      <section className="stats-section" aria-labelledby="stats-trend">
        <div className="section-heading">
          <h2 id="stats-trend">{t('stats.trend.title')}</h2>
          <div className="segmented" role="radiogroup" aria-label={t('stats.trend.interval')}>
            {(['day', 'week'] as const).map((interval) => (
              <label key={interval} className="segmented-option">
                <input
                  type="radio"
                  name="interval"
                  checked={filters.interval === interval}
                  onChange={() => updateFilters({ interval })}
                />
                <span>{t(`stats.trend.${interval}`)}</span>
              </label>
            ))}
          </div>
        </div>
        {trendQuery.data ? (
          <TrendChart trend={trendQuery.data} />
        ) : trendQuery.isError ? (
          <ErrorState error={trendQuery.error} onRetry={() => void trendQuery.refetch()} />
        ) : (
          <Spinner />
        )}
      </section>
      <section className="stats-section" aria-labelledby="stats-rankings">
        <div className="section-heading">
          <h2 id="stats-rankings">{t('stats.rankings.title')}</h2>
          <ExportButtons path="/api/stats/breakdown/export" query={exportQuery} />
        </div>
        <Tabs
          label={t('stats.rankings.tabs')}
          idPrefix="rankings"
          tabs={DIMENSIONS.map((id) => ({ id, label: t(`stats.rankings.${id}`) }))}
          selected={filters.by}
          onSelect={(by) => updateFilters({ by })}
        >
          {breakdownQuery.data ? (
            <RankingsTable
              items={
                breakdownQuery.data.by === 'category'
                  ? localizeCategoryNames(
                      breakdownQuery.data.items,
                      categoriesQuery.data ?? [],
                      i18n.language,
                    )
                  : breakdownQuery.data.items
              }
              caption={t(`stats.rankings.${filters.by}`)}
              casesPathFor={(item) => buildRowCasesPath(filters, breakdownQuery.data.by, item)}
            />
          ) : breakdownQuery.isError ? (
            <ErrorState error={breakdownQuery.error} onRetry={() => void breakdownQuery.refetch()} />
          ) : (
            <Spinner />
          )}
        </Tabs>
      </section>
    </div>
  );
}

/** The breakdown names categories in Chinese only; in English mode the category list has their `nameEn`. */
function localizeCategoryNames(
  items: readonly StatsBreakdownItem[],
  categories: readonly { code: string; nameEn: string }[],
  language: string,
): StatsBreakdownItem[] {
  const nameEnByCode = new Map(categories.map((c) => [c.code, c.nameEn]));
  return items.map((item) => ({
    ...item,
    name: pickLocalized(language, item.name, nameEnByCode.get(item.code) ?? ''),
  }));
}
