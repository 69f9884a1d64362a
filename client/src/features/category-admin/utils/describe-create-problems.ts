import type { TFunction } from 'i18next';
import { isApiError } from '@/lib/api-client';
import { describeError } from '@/lib/describe-error';
import type { CodeProblem } from './category-code';

/** The parts of a zod issue that are worded; structural, so the client does not import zod itself. */
export type SchemaIssue = { code: string; path: readonly PropertyKey[]; maximum?: unknown };

const FIELD_LABELS = {
  code: 'adminGeo.categories.create.code',
  parentCode: 'adminGeo.categories.create.parent',
  name: 'adminGeo.categories.name',
  nameEn: 'adminGeo.categories.nameEn',
  sla: 'adminGeo.categories.slaAmount',
  defaultPriority: 'adminGeo.categories.priority',
  defaultHandler: 'adminGeo.categories.handler',
  departmentName: 'adminGeo.categories.department',
  fields: 'adminGeo.categories.fields',
  isActive: 'adminGeo.categories.isActive',
} as const;
type FieldName = keyof typeof FIELD_LABELS;
const isFieldName = (value: unknown): value is FieldName =>
  typeof value === 'string' && Object.hasOwn(FIELD_LABELS, value);

function describeIssue(issue: SchemaIssue, t: TFunction): string {
  const [head, index, sub] = issue.path;
  if (!isFieldName(head)) return t('adminGeo.categories.create.problems.invalid');
  const field = t(FIELD_LABELS[head]);
  const max = Number(issue.maximum);
  switch (head) {
    case 'code':
      return t('adminGeo.categories.create.problems.code');
    case 'parentCode':
      return t('adminGeo.categories.create.problems.parent');
    case 'sla':
      return t('adminGeo.categories.create.problems.slaAmount');
    case 'fields': {
      if (typeof index !== 'number') return t('adminGeo.categories.create.problems.tooManyFields', { max });
      const position = index + 1;
      if (sub === 'key') return t('adminGeo.categories.create.problems.fieldKey', { index: position });
      if (sub === 'options')
        return t('adminGeo.categories.create.problems.fieldOptions', { index: position });
      return t('adminGeo.categories.create.problems.fieldLabel', { index: position });
    }
    default:
      if (issue.code === 'too_big') return t('adminGeo.categories.create.problems.tooLong', { field, max });
      if (head === 'departmentName') return t('adminGeo.categories.create.problems.department');
      if (issue.code === 'too_small') return t('adminGeo.categories.create.problems.required', { field });
      return t('adminGeo.categories.create.problems.invalidField', { field });
  }
}

/** Everything wrong with the form, each problem once, in the user's language. */
export function describeCreateProblems(
  issues: readonly SchemaIssue[],
  codeProblem: CodeProblem | null,
  code: string,
  t: TFunction,
): string[] {
  const sentences = issues.map((issue) => describeIssue(issue, t));
  if (codeProblem?.reason === 'groupHasDot') {
    sentences.unshift(t('adminGeo.categories.create.problems.groupHasDot'));
  } else if (codeProblem?.reason === 'leafPrefix') {
    sentences.unshift(
      t('adminGeo.categories.create.problems.leafPrefix', { parent: codeProblem.parentCode ?? '' }),
    );
  } else if (codeProblem?.reason === 'taken') {
    sentences.unshift(t('adminGeo.categories.create.problems.taken', { code }));
  }
  return [...new Set(sentences)];
}

/** The server's refusal of a new category, worded here: its messages are English and not for users. */
export function describeCreateRefusal(
  error: unknown,
  input: { code: string; parentCode: string | null },
  t: TFunction,
): string {
  if (!isApiError(error)) return describeError(error, t);
  // Someone created the same code since the list was loaded (the list check runs before sending).
  if (error.status === 409) return t('adminGeo.categories.create.refusals.conflict', { code: input.code });
  // The chosen group vanished or became a leaf meanwhile.
  if (error.status === 422) {
    return t('adminGeo.categories.create.refusals.parent', { parent: input.parentCode ?? '' });
  }
  if (error.code === 'validation_failed' && Array.isArray(error.details)) {
    const fields = (error.details as { path?: unknown }[])
      .map((detail) => String(detail.path ?? '').split('.')[0])
      .filter(isFieldName)
      .map((name) => t(FIELD_LABELS[name]));
    if (fields.length > 0) {
      return t('adminGeo.categories.create.refusals.validation', {
        fields: [...new Set(fields)].join(t('adminGeo.categories.create.refusals.separator')),
      });
    }
  }
  return describeError(error, t);
}
