import '@/styles/badges.css';
import '@/styles/cases.css';
import '@/styles/stats.css';
import { addDays, type CaseSummary, chinaDayOf, type StatsBreakdownItem } from '@gridgov/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/ui/error-state';
import { Spinner } from '@/components/ui/spinner';
import { buildCaseListPath, buildCasePath, paths } from '@/config/paths';
import { useMe } from '@/features/auth/api/get-me';
import { BriefSection } from '@/features/brief/components/brief-section';
import { EscalateControl } from '@/features/brief/components/escalate-control';
import { GridRankList } from '@/features/brief/components/grid-rank-list';
import { pickBestAndWorstGrids } from '@/features/brief/utils/pick-grids';
import { useActOnCase } from '@/features/cases/api/act-on-case';
import { type CaseFilters, useCases } from '@/features/cases/api/get-cases';
import { DEFAULT_CASE_FILTERS, writeCaseFilters } from '@/features/cases/utils/case-filters';
import { describeCaseError } from '@/features/cases/utils/describe-case-error';
import { useStatsBreakdown } from '@/features/stats/api/get-stats-breakdown';
import { hasPermission } from '@/lib/authorization';
import { formatTime } from '@/lib/china-time';

/** Lines per section on screen; the printed brief lists every loaded line. */
const LINES_SHOWN = 5;
const RANKING_DAYS = 30;
const WORKING_STATUSES: CaseFilters['status'] = ['accepted', 'dispatched', 'in_progress'];

function buildSections(today: string) {
  return {
    newSince: { ...DEFAULT_CASE_FILTERS, from: addDays(today, -1) },
    overdue: { ...DEFAULT_CASE_FILTERS, isOverdue: true, sort: 'deadline_asc' },
    escalated: {
      ...DEFAULT_CASE_FILTERS,
      isEscalated: true,
      status: ['reported', ...WORKING_STATUSES, 'handled', 'suspended'],
      sort: 'deadline_asc',
    },
    dueToday: {
      ...DEFAULT_CASE_FILTERS,
      dueFrom: today,
      dueTo: today,
      status: WORKING_STATUSES,
      sort: 'deadline_asc',
    },
  } satisfies Record<string, CaseFilters>;
}

const listPath = (filters: CaseFilters) => {
  const search = writeCaseFilters(filters).toString();
  return search ? `${paths.cases}?${search}` : paths.cases;
};

/** The town leader's morning page: what came in, what is late, what is escalated, what is due, which grids lag. */
export function BriefRoute() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const canEscalate = hasPermission(me?.roles ?? [], 'escalateCases');
  const today = chinaDayOf(new Date());
  const sections = useMemo(() => buildSections(today), [today]);
  const rankingWindow = { from: addDays(today, -(RANKING_DAYS - 1)), to: today };
  const now = formatTime(new Date());

  return (
    <div className="page brief-page">
      <div className="page-heading">
        <div>
          <h1 className="page-title">{t('brief.title')}</h1>
          <p className="muted">{t('brief.asOf', { date: today, time: now })}</p>
        </div>
        <button type="button" className="button no-print" onClick={() => window.print()}>
          {t('brief.print')}
        </button>
      </div>
      <div className="brief-columns">
        <CaseSection
          id="brief-new"
          title={t('brief.sections.newSince')}
          filters={sections.newSince}
          timeOf="reportedAt"
        />
        <CaseSection
          id="brief-overdue"
          title={t('brief.sections.overdue')}
          filters={sections.overdue}
          timeOf="deadline"
          renderAction={
            canEscalate ? (item) => !item.isEscalated && <BriefEscalate item={item} /> : undefined
          }
        />
        <CaseSection
          id="brief-escalated"
          title={t('brief.sections.escalated')}
          filters={sections.escalated}
          timeOf="deadline"
        />
        <CaseSection
          id="brief-due"
          title={t('brief.sections.dueToday')}
          filters={sections.dueToday}
          timeOf="deadline"
        />
      </div>
      <GridsSection window={rankingWindow} />
    </div>
  );
}

type CaseSectionProps = {
  id: string;
  title: string;
  filters: CaseFilters;
  timeOf: 'deadline' | 'reportedAt';
  renderAction?: (item: CaseSummary) => React.ReactNode;
};

function CaseSection({ id, title, filters, timeOf, renderAction }: CaseSectionProps) {
  const query = useCases(filters);
  const items = query.data?.pages[0]?.items;
  return (
    <BriefSection
      id={id}
      title={title}
      listPath={listPath(filters)}
      items={items}
      hasMore={Boolean(query.hasNextPage)}
      shown={LINES_SHOWN}
      timeOf={timeOf}
      casePath={(item) => buildCasePath(item.id)}
      renderAction={renderAction}
      fallback={
        query.isPending ? (
          <Spinner />
        ) : query.isError && !query.data ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : undefined
      }
    />
  );
}

function BriefEscalate({ item }: { item: CaseSummary }) {
  const { t } = useTranslation();
  const mutation = useActOnCase(item.id);
  return (
    <EscalateControl
      caseNumber={item.number}
      isPending={mutation.isPending}
      errorText={mutation.error ? describeCaseError(mutation.error, t) : null}
      onEscalate={(note) => mutation.mutateAsync({ action: 'escalate', version: item.version, note })}
    />
  );
}

function GridsSection({ window }: { window: { from: string; to: string } }) {
  const { t } = useTranslation();
  const query = useStatsBreakdown({ ...window, by: 'grid' });
  const { best, worst } = useMemo(() => pickBestAndWorstGrids(query.data?.items ?? []), [query.data]);
  const casesPath = (item: StatsBreakdownItem) => buildCaseListPath({ gridId: item.id, ...window });
  return (
    <section className="brief-section brief-grids-section" aria-labelledby="brief-grids">
      <h2 id="brief-grids">{t('brief.gridsTitle')}</h2>
      <p className="muted brief-basis">{t('brief.gridsBasis', window)}</p>
      {query.data ? (
        <div className="brief-grid-columns">
          <GridRankList id="brief-worst" title={t('brief.worstGrids')} items={worst} casesPath={casesPath} />
          <GridRankList id="brief-best" title={t('brief.bestGrids')} items={best} casesPath={casesPath} />
        </div>
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Spinner />
      )}
    </section>
  );
}
