import '@/styles/forms.css';
import '@/styles/admin-geo.css';
import type { Category } from '@gridgov/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { ErrorState } from '@/components/ui/error-state';
import { SaveOutcome } from '@/components/ui/save-outcome';
import { Spinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import { useMe } from '@/features/auth/api/get-me';
import { useAllCategories } from '@/features/category-admin/api/category-admin';
import { CategoryCreateForm } from '@/features/category-admin/components/category-create-form';
import { CategoryForm } from '@/features/category-admin/components/category-form';
import { hasPermission } from '@/lib/authorization';

export function AdminCategoriesRoute() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const query = useAllCategories();
  const [searchParams, setSearchParams] = useSearchParams();
  // Said once after a create; gone as soon as the admin moves on.
  const [createdNotice, setCreatedNotice] = useState<string | null>(null);

  if (me && !hasPermission(me.roles, 'manageGeo')) return <Navigate to={paths.map} replace />;
  if (query.isError) {
    return (
      <div className="page">
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </div>
    );
  }
  if (!query.data) return <Spinner isFullPage label={t('adminGeo.common.loading')} />;

  // Each group followed by its sub-categories, as the list indents them.
  const items = query.data.items
    .filter((c) => c.parentCode === null)
    .flatMap((group) => [group, ...query.data.items.filter((c) => c.parentCode === group.code)]);
  const code = searchParams.get('code') ?? items[0]?.code ?? null;
  const selected = items.find((c) => c.code === code) ?? null;
  const isEnglish = i18n.language === 'en';
  // The server decides: only county administrators edit the county-wide taxonomy.
  const isReadOnly = me?.scope.level !== 'county';
  // In the URL like the selection, so Back closes the create form.
  const isCreating = !isReadOnly && searchParams.has('new');

  const select = (next: string) => {
    setCreatedNotice(null);
    setSearchParams({ code: next });
  };
  const openCreate = () => {
    setCreatedNotice(null);
    setSearchParams(code ? { code, new: '1' } : { new: '1' });
  };
  const showCreated = (category: Category) => {
    setSearchParams({ code: category.code });
    setCreatedNotice(
      t('adminGeo.categories.create.created', {
        name: isEnglish ? category.nameEn : category.name,
        code: category.code,
      }),
    );
  };

  return (
    <div className="page">
      <div className="page-heading">
        <h1 className="page-title">{t('adminGeo.categories.title')}</h1>
        {!isReadOnly && !isCreating && (
          <button type="button" className="button button-primary" onClick={openCreate}>
            {t('adminGeo.categories.create.open')}
          </button>
        )}
      </div>
      <div className="admin-page">
        {/* Phones get a picker instead of the long list, so the form stays in view. */}
        <label className="field admin-picker">
          <span className="field-label">{t('adminGeo.categories.list')}</span>
          <select value={code ?? ''} onChange={(e) => select(e.target.value)}>
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
                  aria-current={!isCreating && c.code === code}
                  className={c.parentCode ? 'admin-list-child' : undefined}
                  onClick={() => select(c.code)}
                >
                  {isEnglish ? c.nameEn : c.name}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <div className="admin-categories-detail">
          {isCreating ? (
            <CategoryCreateForm
              categories={items}
              initialParentCode={selected ? (selected.parentCode ?? selected.code) : null}
              onCreated={showCreated}
              onCancel={() => setSearchParams(code ? { code } : {})}
            />
          ) : (
            <>
              <SaveOutcome savedText={createdNotice} />
              {selected && <CategoryForm key={selected.code} category={selected} isReadOnly={isReadOnly} />}
            </>
          )}
        </div>
      </div>
    </div>
  );
}
