import { CASE_PRIORITIES, type Category, DEFAULT_HANDLERS, updateCategorySchema } from '@gridgov/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SaveOutcome } from '@/components/ui/save-outcome';
import { describeError } from '@/lib/describe-error';
import { useUpdateCategory } from '../api/category-admin';
import { ExtraFieldsEditor } from './extra-fields-editor';

/** Edits one category; the caller keys it by code so switching categories starts afresh. */
export function CategoryForm({ category, isReadOnly }: { category: Category; isReadOnly: boolean }) {
  const { t } = useTranslation();
  const mutation = useUpdateCategory();
  const [draft, setDraft] = useState(category);
  const [problem, setProblem] = useState<string | null>(null);
  const set = (patch: Partial<Category>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = {
      name: draft.name,
      nameEn: draft.nameEn,
      sla: draft.sla,
      defaultPriority: draft.defaultPriority,
      defaultHandler: draft.defaultHandler,
      departmentName: draft.defaultHandler === 'department' ? draft.departmentName : null,
      fields: draft.fields,
      isActive: draft.isActive,
    };
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
        {category.name} <small className="muted">{category.code}</small>
      </h2>
      <p className="field-hint">{t('adminGeo.categories.hint')}</p>
      <fieldset disabled={isReadOnly} className="admin-form">
        <div className="admin-row">
          <label className="field">
            <span className="field-label">{t('adminGeo.categories.name')}</span>
            <input value={draft.name} onChange={(e) => set({ name: e.target.value })} />
          </label>
          <label className="field">
            <span className="field-label">{t('adminGeo.categories.nameEn')}</span>
            <input value={draft.nameEn} onChange={(e) => set({ nameEn: e.target.value })} />
          </label>
        </div>
        <div className="admin-row">
          <label className="field">
            <span className="field-label">{t('adminGeo.categories.slaAmount')}</span>
            <input
              type="number"
              min={0.5}
              step={draft.sla.unit === 'working_days' ? 1 : 0.5}
              value={draft.sla.amount}
              onChange={(e) => set({ sla: { ...draft.sla, amount: Number(e.target.value) } })}
            />
          </label>
          <label className="field">
            <span className="field-label">{t('adminGeo.categories.slaUnit')}</span>
            <select
              value={draft.sla.unit}
              onChange={(e) =>
                set({ sla: { ...draft.sla, unit: e.target.value as Category['sla']['unit'] } })
              }
            >
              <option value="working_hours">{t('adminGeo.categories.unit.working_hours')}</option>
              <option value="working_days">{t('adminGeo.categories.unit.working_days')}</option>
            </select>
          </label>
          <label className="field">
            <span className="field-label">{t('adminGeo.categories.priority')}</span>
            <select
              value={draft.defaultPriority}
              onChange={(e) => set({ defaultPriority: e.target.value as Category['defaultPriority'] })}
            >
              {CASE_PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {t(`adminGeo.categories.priorityValue.${p}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="admin-row">
          <label className="field">
            <span className="field-label">{t('adminGeo.categories.handler')}</span>
            <select
              value={draft.defaultHandler}
              onChange={(e) => set({ defaultHandler: e.target.value as Category['defaultHandler'] })}
            >
              {DEFAULT_HANDLERS.map((h) => (
                <option key={h} value={h}>
                  {t(`adminGeo.categories.handlerValue.${h}`)}
                </option>
              ))}
            </select>
          </label>
          {draft.defaultHandler === 'department' && (
            <label className="field">
              <span className="field-label">{t('adminGeo.categories.department')}</span>
              <input
                value={draft.departmentName ?? ''}
                onChange={(e) => set({ departmentName: e.target.value || null })}
              />
            </label>
          )}
        </div>
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
