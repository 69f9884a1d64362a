import '@/styles/forms.css';
import '@/styles/admin-geo.css';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { ErrorState } from '@/components/ui/error-state';
import { Spinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import { useMe } from '@/features/auth/api/get-me';
import { useAllCategories } from '@/features/category-admin/api/category-admin';
import { CategoryForm } from '@/features/category-admin/components/category-form';
import { hasPermission } from '@/lib/authorization';

export function AdminCategoriesRoute() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const query = useAllCategories();
  const [searchParams, setSearchParams] = useSearchParams();

  if (me && !hasPermission(me.roles, 'manageGeo')) return <Navigate to={paths.map} replace />;
  if (query.isError) {
    return (
      <div className="page">
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </div>
    );
  }
  if (!query.data) return <Spinner isFullPage label={t('adminGeo.common.loading')} />;

  const items = query.data.items;
  const code = searchParams.get('code') ?? items[0]?.code ?? null;
  const selected = items.find((c) => c.code === code) ?? null;
  const isEnglish = i18n.language === 'en';
  // The server decides: only county administrators edit the county-wide taxonomy.
  const isReadOnly = me?.scope.level !== 'county';

  return (
    <div className="page">
      <h1 className="page-title">{t('adminGeo.categories.title')}</h1>
      <div className="admin-page">
        {/* Phones get a picker instead of the long list, so the form stays in view. */}
        <label className="field admin-picker">
          <span className="field-label">{t('adminGeo.categories.list')}</span>
          <select value={code ?? ''} onChange={(e) => setSearchParams({ code: e.target.value })}>
            {items.map((c) => (
              <option key={c.code} value={c.code}>
                {c.parentCode ? '　' : ''}
                {isEnglish ? c.nameEn : c.name}
              </option>
            ))}
          </select>
        </label>
        <nav className="admin-list-nav" aria-label={t('adminGeo.categories.list')}>
          <ul className="admin-list">
            {items.map((c) => (
              <li key={c.code}>
                <button
                  type="button"
                  aria-current={c.code === code}
                  className={c.parentCode ? 'admin-list-child' : undefined}
                  onClick={() => setSearchParams({ code: c.code })}
                >
                  {isEnglish ? c.nameEn : c.name}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        {selected && <CategoryForm key={selected.code} category={selected} isReadOnly={isReadOnly} />}
      </div>
    </div>
  );
}
