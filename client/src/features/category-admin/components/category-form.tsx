import { type Category, updateCategorySchema } from '@gridgov/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SaveOutcome } from '@/components/ui/save-outcome';
import { describeError } from '@/lib/describe-error';
import { pickLocalized } from '@/lib/pick-localized';
import { useUpdateCategory } from '../api/category-admin';
import { CategoryFields, toCategoryFieldsInput } from './category-fields';
import { ExtraFieldsEditor } from './extra-fields-editor';

/** Edits one category; the caller keys it by code so switching categories starts afresh. */
export function CategoryForm({ category, isReadOnly }: { category: Category; isReadOnly: boolean }) {
  const { t, i18n } = useTranslation();
  const mutation = useUpdateCategory();
  const [draft, setDraft] = useState(category);
  const [problem, setProblem] = useState<string | null>(null);
  const set = (patch: Partial<Category>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = { ...toCategoryFieldsInput(draft), fields: draft.fields, isActive: draft.isActive };
    // The server's own schema: the same rules here and there.
    const parsed = updateCategorySchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      setProblem(`${issue.path.join('.')}: ${issue.message}`);
      return;
    }
    setProblem(null);
    mutation.mutate({ code: category.code, input: parsed.data });
  };

  return (
    <form className="admin-card admin-form" onSubmit={submit} aria-label={category.name}>
      <h2 className="admin-subtitle">
        {pickLocalized(i18n.language, category.name, category.nameEn)}{' '}
        <small className="muted">{t('adminGeo.categories.codeLabel', { code: category.code })}</small>
      </h2>
      <p className="field-hint">{t('adminGeo.categories.hint')}</p>
      <fieldset disabled={isReadOnly} className="admin-form">
        <CategoryFields draft={draft} onChange={set} />
        <label className="check">
          <input
            type="checkbox"
            checked={draft.isActive}
            onChange={(e) => set({ isActive: e.target.checked })}
          />
          {t('adminGeo.categories.isActive')}
        </label>
        {category.parentCode !== null && (
          <ExtraFieldsEditor fields={draft.fields} onChange={(fields) => set({ fields })} />
        )}
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {mutation.isPending ? t('adminGeo.common.saving') : t('adminGeo.common.save')}
        </button>
      </fieldset>
      {isReadOnly && <p className="muted">{t('adminGeo.common.readOnly')}</p>}
      <SaveOutcome
        problem={problem}
        failure={mutation.isError ? describeError(mutation.error, t) : null}
        savedText={mutation.isSuccess ? t('adminGeo.common.saved') : null}
      />
    </form>
  );
}
