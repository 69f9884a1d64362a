import { useId, useState } from 'react';
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

/**
 * A whole-number setting that keeps what the person typed: an out-of-range value stays in the field and
 * says what is allowed (in our words, see lib/our-validity) instead of silently turning into the default.
 */
function LimitField(props: {
  id: string;
  label: string;
  min: number;
  max: number;
  value: number;
  onApply: (value: string) => void;
}) {
  const { id, label, min, max, value, onApply } = props;
  const [text, setText] = useState(String(value));
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    // The applied value moved (back/forward, another tab of the page): show it.
    setShown(value);
    setText(String(value));
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          if (clampInt(e.target.value, min, max, Number.NaN) === Number(e.target.value)) {
            setShown(Number(e.target.value));
            onApply(e.target.value);
          }
        }}
        onBlur={(e) => e.currentTarget.reportValidity()}
      />
    </div>
  );
}

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
        <LimitField
          id={`${id}-load`}
          label={t('adminStaff.coverage.maxGridsPerLeader')}
          min={1}
          max={100}
          value={limits.maxGridsPerLeader}
          onApply={(value) => update({ maxGridsPerLeader: value })}
        />
        <LimitField
          id={`${id}-patrollers`}
          label={t('adminStaff.coverage.minPatrollers')}
          min={0}
          max={20}
          value={limits.minPatrollers}
          onApply={(value) => update({ minPatrollers: value })}
        />
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
