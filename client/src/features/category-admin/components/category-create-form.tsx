import { type Category, createCategorySchema, type ExtraField } from '@gridgov/shared';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SaveOutcome } from '@/components/ui/save-outcome';
import { isApiError } from '@/lib/api-client';
import { useCreateCategory } from '../api/category-admin';
import { type CategoryKind, codePrefix, findCodeProblem, rebaseCode } from '../utils/category-code';
import { describeCreateProblems, describeCreateRefusal } from '../utils/describe-create-problems';
import { CategoryFields, type CategoryFieldsDraft, toCategoryFieldsInput } from './category-fields';
import { ExtraFieldsEditor } from './extra-fields-editor';

const EMPTY_DRAFT: CategoryFieldsDraft = {
  name: '',
  nameEn: '',
  sla: { unit: 'working_days', amount: 3 },
  defaultPriority: 'normal',
  defaultHandler: 'grid_worker',
  departmentName: null,
};

type Props = {
  categories: readonly Category[];
  /** The group a new leaf goes under at first (the one the admin was looking at). */
  initialParentCode: string | null;
  onCreated: (category: Category) => void;
  onCancel: () => void;
};

/** Creates a group or a leaf; on a refusal everything typed stays, so the admin only fixes the code. */
export function CategoryCreateForm({ categories, initialParentCode, onCreated, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const mutation = useCreateCategory();
  const groups = categories.filter((c) => c.parentCode === null);
  const firstParent = groups.find((g) => g.code === initialParentCode)?.code ?? groups[0]?.code ?? null;
  const [kind, setKind] = useState<CategoryKind>(firstParent ? 'leaf' : 'group');
  const [parentCode, setParentCode] = useState(firstParent);
  const [code, setCode] = useState(codePrefix(kind, parentCode));
  const [draft, setDraft] = useState(EMPTY_DRAFT);
  const [fields, setFields] = useState<ExtraField[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const [isCodeWrong, setIsCodeWrong] = useState(false);
  const codeHintId = useId();
  const isEnglish = i18n.language === 'en';
  // After a 422 the refreshed list may no longer hold the chosen group: the admin must pick again.
  const isParentListed = groups.some((g) => g.code === parentCode);

  const changePlace = (nextKind: CategoryKind, nextParent: string | null) => {
    setCode((current) => rebaseCode(current, codePrefix(kind, parentCode), codePrefix(nextKind, nextParent)));
    setKind(nextKind);
    setParentCode(nextParent);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const isLeaf = kind === 'leaf';
    const input = {
      code,
      parentCode: isLeaf ? parentCode : null,
      ...toCategoryFieldsInput(draft),
      fields: isLeaf ? fields : [],
    };
    // The server parses the body with this very schema; the taxonomy rules come on top.
    const parsed = createCategorySchema.safeParse(input);
    const codeProblem = findCodeProblem(code, kind, input.parentCode, categories);
    const found = describeCreateProblems(parsed.error?.issues ?? [], codeProblem, code, t);
    if (isLeaf && !isParentListed) found.unshift(t('adminGeo.categories.create.problems.parent'));
    setProblems(found);
    setIsCodeWrong(codeProblem !== null || Boolean(parsed.error?.issues.some((i) => i.path[0] === 'code')));
    if (!parsed.success || found.length > 0) {
      mutation.reset();
      return;
    }
    mutation.mutate(parsed.data, { onSuccess: onCreated });
  };

  // A 409 is about the code too: someone else took it since the list was loaded.
  const isCodeRefused = isApiError(mutation.error) && mutation.error.status === 409;

  return (
    <form
      className="admin-card admin-form"
      onSubmit={submit}
      aria-label={t('adminGeo.categories.create.title')}
    >
      <h2 className="admin-subtitle">{t('adminGeo.categories.create.title')}</h2>
      <p className="field-hint">{t('adminGeo.categories.create.hint')}</p>
      <fieldset className="admin-form">
        <div className="admin-row">
          <label className="field">
            <span className="field-label">{t('adminGeo.categories.create.kind')}</span>
            <select value={kind} onChange={(e) => changePlace(e.target.value as CategoryKind, parentCode)}>
              <option value="group">{t('adminGeo.categories.create.kindValue.group')}</option>
              <option value="leaf" disabled={groups.length === 0}>
                {t('adminGeo.categories.create.kindValue.leaf')}
              </option>
            </select>
          </label>
          {kind === 'leaf' && (
            <label className="field">
              <span className="field-label">{t('adminGeo.categories.create.parent')}</span>
              <select
                value={isParentListed ? (parentCode ?? '') : ''}
                onChange={(e) => changePlace(kind, e.target.value)}
              >
                {!isParentListed && <option value="" disabled />}
                {groups.map((g) => (
                  <option key={g.code} value={g.code}>
                    {isEnglish ? g.nameEn : g.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label className="field">
            <span className="field-label">{t('adminGeo.categories.create.code')}</span>
            <input
              value={code}
              onChange={(e) => setCode(e.target.value)}
              autoCapitalize="none"
              autoCorrect="off"
              spellCheck={false}
              aria-invalid={isCodeWrong || isCodeRefused || undefined}
              aria-describedby={codeHintId}
            />
          </label>
        </div>
        <p className="field-hint" id={codeHintId}>
          {t('adminGeo.categories.create.codeHint')}
        </p>
        <CategoryFields draft={draft} onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))} />
        {kind === 'leaf' && <ExtraFieldsEditor fields={fields} onChange={setFields} />}
        <div className="admin-actions">
          <button type="submit" className="button button-primary" disabled={mutation.isPending}>
            {mutation.isPending
              ? t('adminGeo.categories.create.submitting')
              : t('adminGeo.categories.create.submit')}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t('adminGeo.common.cancel')}
          </button>
        </div>
      </fieldset>
      <SaveOutcome
        problem={problems.length > 0 ? problems.join(' ') : null}
        failure={
          mutation.isError && mutation.variables
            ? describeCreateRefusal(mutation.error, mutation.variables, t)
            : null
        }
      />
    </form>
  );
}
