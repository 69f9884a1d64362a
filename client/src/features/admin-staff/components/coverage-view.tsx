import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '@/components/ui/error-state';
import { Spinner } from '@/components/ui/spinner';
import { buildAdminStaffPath } from '@/config/paths';
import { useCoverage } from '../api/coverage';
import { useUrlFilters } from '../utils/url-filters';

const clampInt = (value: string, min: number, max: number, fallback: number) => {
  const n = value === '' ? Number.NaN : Number(value);
  return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
};

export function CoverageView() {
  const { t } = useTranslation();
  const id = useId();
  const { values, update } = useUrlFilters(['maxGridsPerLeader', 'minPatrollers'] as const);
  const limits = {
    maxGridsPerLeader: clampInt(values.maxGridsPerLeader, 1, 100, 6),
    minPatrollers: clampInt(values.minPatrollers, 0, 20, 2),
  };
  const coverage = useCoverage(limits);
  const report = coverage.data;

  return (
    <div className="admin-coverage">
      <form
        className="admin-filters"
        aria-label={t('adminStaff.coverage.settings')}
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="field">
          <label htmlFor={`${id}-load`}>{t('adminStaff.coverage.maxGridsPerLeader')}</label>
          <input
            id={`${id}-load`}
            type="number"
            min={1}
            max={100}
            value={limits.maxGridsPerLeader}
            onChange={(e) => update({ maxGridsPerLeader: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-patrollers`}>{t('adminStaff.coverage.minPatrollers')}</label>
          <input
            id={`${id}-patrollers`}
            type="number"
            min={0}
            max={20}
            value={limits.minPatrollers}
            onChange={(e) => update({ minPatrollers: e.target.value })}
          />
        </div>
      </form>
      {coverage.isPending && <Spinner />}
      {coverage.isError && <ErrorState error={coverage.error} onRetry={() => void coverage.refetch()} />}
      {report && (
        <div className="coverage-grid">
          <CoverageCard
            title={t('adminStaff.coverage.noWorker', { count: report.gridsWithoutWorker.length })}
          >
            {report.gridsWithoutWorker.map((g) => (
              <li key={g.id}>
                {g.village.name} · {g.name} <span className="mono muted">{g.code}</span>
                {g.inactiveWorker && (
                  <span className="muted">
                    {' '}
                    {t('adminStaff.coverage.inactiveWorker')}{' '}
                    <Link to={buildAdminStaffPath(g.inactiveWorker.id)}>{g.inactiveWorker.name}</Link>
                  </span>
                )}
              </li>
            ))}
          </CoverageCard>
          <CoverageCard
            title={t('adminStaff.coverage.overloaded', { count: report.overloadedLeaders.length })}
          >
            {report.overloadedLeaders.map((l) => (
              <li key={l.id}>
                <Link to={buildAdminStaffPath(l.id)}>{l.name}</Link> ·{' '}
                {t('adminStaff.coverage.gridCount', { count: l.gridCount })}
              </li>
            ))}
          </CoverageCard>
          <CoverageCard
            title={t('adminStaff.coverage.fewPatrollers', { count: report.gridsShortOfPatrollers.length })}
          >
            {report.gridsShortOfPatrollers.map((g) => (
              <li key={g.id}>
                {g.village.name} · {g.name} <span className="mono muted">{g.code}</span> ·{' '}
                {t('adminStaff.coverage.patrollerCount', { count: g.patrollerCount })}
              </li>
            ))}
          </CoverageCard>
          <CoverageCard title={t('adminStaff.coverage.noGrid', { count: report.peopleWithoutGrid.length })}>
            {report.peopleWithoutGrid.map((p) => (
              <li key={p.id}>
                <Link to={buildAdminStaffPath(p.id)}>{p.name}</Link>{' '}
                <span className="muted">{p.username}</span>
              </li>
            ))}
          </CoverageCard>
        </div>
      )}
    </div>
  );
}

function CoverageCard({ title, children }: { title: string; children: React.ReactNode[] }) {
  const { t } = useTranslation();
  return (
    <section className="admin-card">
      <h2 className="admin-card-title">{title}</h2>
      {children.length === 0 ? (
        <p className="muted">{t('adminStaff.coverage.none')}</p>
      ) : (
        <ul className="admin-list">{children}</ul>
      )}
    </section>
  );
}
