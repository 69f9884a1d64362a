import '@/styles/forms.css';
import '@/styles/admin-geo.css';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { ErrorState } from '@/components/ui/error-state';
import { Spinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import { useMe } from '@/features/auth/api/get-me';
import { useCalendarAdmin } from '@/features/calendar-admin/api/calendar-admin';
import { HolidayYearForm } from '@/features/calendar-admin/components/holiday-year-form';
import { WorkingHoursForm } from '@/features/calendar-admin/components/working-hours-form';
import { hasPermission } from '@/lib/authorization';

export function AdminCalendarRoute() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const query = useCalendarAdmin();
  const [searchParams, setSearchParams] = useSearchParams();
  const [newYear, setNewYear] = useState('');

  if (me && !hasPermission(me.roles, 'viewCalendar')) return <Navigate to={paths.map} replace />;
  if (query.isError) {
    return (
      <div className="page">
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </div>
    );
  }
  if (!query.data) return <Spinner isFullPage label={t('adminGeo.common.loading')} />;

  const { years, workingHours, missingYears } = query.data;
  // The calendar serves the whole county: county administrators edit it, others read it.
  const isReadOnly = !(me?.roles.includes('admin') && me.scope.level === 'county');
  const requested = Number(searchParams.get('year'));
  const yearNumbers = [...new Set([...years.map((y) => y.year), ...(requested ? [requested] : [])])].sort();
  const year = requested || (yearNumbers.at(-1) ?? null);
  const holidays = years.find((y) => y.year === year)?.holidays ?? [];

  const addYear = (event: FormEvent) => {
    event.preventDefault();
    const value = Number(newYear);
    if (Number.isInteger(value) && value >= 2000 && value <= 2100) setSearchParams({ year: String(value) });
    setNewYear('');
  };

  return (
    <div className="page">
      <h1 className="page-title">{t('adminGeo.calendar.title')}</h1>
      <p className="field-hint">{t('adminGeo.calendar.hint')}</p>
      {missingYears.length > 0 && (
        <p className="banner banner-info" role="status">
          {t('adminGeo.calendar.missing', { years: missingYears.join('、') })}
        </p>
      )}
      {isReadOnly && <p className="muted">{t('adminGeo.common.readOnly')}</p>}
      <div className="admin-page">
        <div className="admin-form">
          <h2 className="admin-subtitle">{t('adminGeo.calendar.years')}</h2>
          <ul className="admin-list">
            {yearNumbers.map((y) => (
              <li key={y}>
                <button
                  type="button"
                  aria-current={y === year}
                  onClick={() => setSearchParams({ year: String(y) })}
                >
                  {t('adminGeo.calendar.yearTitle', { year: y })}
                </button>
              </li>
            ))}
          </ul>
          {!isReadOnly && (
            <form className="admin-row" onSubmit={addYear}>
              <label className="field">
                <span className="field-label">{t('adminGeo.calendar.year')}</span>
                <input
                  type="number"
                  min={2000}
                  max={2100}
                  value={newYear}
                  onChange={(e) => setNewYear(e.target.value)}
                />
              </label>
              <button type="submit" className="button">
                {t('adminGeo.calendar.addYear')}
              </button>
            </form>
          )}
        </div>
        <div className="admin-form">
          <WorkingHoursForm initial={workingHours} isReadOnly={isReadOnly} />
          {year ? (
            <HolidayYearForm key={year} year={year} holidays={holidays} isReadOnly={isReadOnly} />
          ) : (
            <p className="muted">{t('adminGeo.calendar.noYears')}</p>
          )}
        </div>
      </div>
    </div>
  );
}
