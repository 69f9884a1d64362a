import {
  type CasePriority,
  type Category,
  type CreateCase,
  createCaseSchema,
  type ExtraField,
  type LonLat,
  validateExtraValues,
} from '@gridgov/shared';

export type ReportDraft = {
  categoryCode: string;
  description: string;
  location: LonLat | null;
  gridId: string;
  address: string;
  /** null: the category's default. */
  priority: CasePriority | null;
  isOnBehalf: boolean;
  residentName: string;
  residentPhone: string;
  extra: Record<string, unknown>;
};

export function createEmptyDraft(defaultGridId: string | null): ReportDraft {
  return {
    categoryCode: '',
    description: '',
    location: null,
    gridId: defaultGridId ?? '',
    address: '',
    priority: null,
    isOnBehalf: false,
    residentName: '',
    residentPhone: '',
    extra: {},
  };
}

/** Which message to show under which field (translation keys, resolved at render). */
export type ReportErrors = {
  categoryCode?: 'report.errors.category';
  description?: 'report.errors.description' | 'report.errors.descriptionTooLong';
  location?: 'report.errors.location';
  address?: 'report.errors.addressTooLong';
  residentName?: 'report.errors.residentName';
  residentPhone?: 'report.errors.residentPhone';
  photos?: 'report.errors.photosMax';
  extra?: Record<string, 'report.errors.extraRequired' | 'report.errors.extraInvalid'>;
};

function isBlank(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    value === '' ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

/**
 * Optional fields left empty are not sent at all (an empty number is not an invalid number); numbers are
 * typed as text and sent as numbers.
 */
export function cleanExtra(
  fields: readonly ExtraField[],
  extra: Record<string, unknown>,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(extra)
      .filter(([, value]) => !isBlank(value))
      .map(([key, value]) => {
        const isNumber = fields.some((field) => field.key === key && field.type === 'number');
        return [key, isNumber && typeof value === 'string' ? Number(value) : value];
      }),
  );
}

function toErrors(issues: readonly { path: readonly PropertyKey[]; code: string }[]): ReportErrors {
  const errors: ReportErrors = {};
  for (const { path, code } of issues) {
    const [field, subfield] = path;
    if (field === 'categoryCode') errors.categoryCode = 'report.errors.category';
    else if (field === 'description')
      errors.description =
        code === 'too_big' ? 'report.errors.descriptionTooLong' : 'report.errors.description';
    else if (field === 'address') errors.address = 'report.errors.addressTooLong';
    else if (field === 'location' || field === 'gridId') errors.location = 'report.errors.location';
    else if (field === 'photoIds') errors.photos = 'report.errors.photosMax';
    else if (field === 'onBehalfOf' && subfield === 'phone')
      errors.residentPhone = 'report.errors.residentPhone';
    else if (field === 'onBehalfOf') errors.residentName = 'report.errors.residentName';
  }
  return errors;
}

/**
 * Checks the draft with the same schema the server uses (createCaseSchema) and the category's extra
 * fields with the shared validateExtraValues; returns the request body or the problems by field.
 */
export function validateReport(
  draft: ReportDraft,
  category: Category | undefined,
  photoIds: readonly string[],
): { input: CreateCase; errors: null } | { input: null; errors: ReportErrors } {
  const extra = cleanExtra(category?.fields ?? [], draft.extra);
  const parsed = createCaseSchema.safeParse({
    categoryCode: draft.categoryCode,
    description: draft.description,
    location: draft.location,
    gridId: draft.gridId || null,
    address: draft.address,
    priority: draft.priority ?? category?.defaultPriority,
    photoIds,
    onBehalfOf: draft.isOnBehalf ? { name: draft.residentName, phone: draft.residentPhone.trim() } : null,
    extra,
  });
  const errors = parsed.success ? {} : toErrors(parsed.error.issues);
  const extraProblems = category ? validateExtraValues(category.fields, extra) : {};
  const extraErrors = Object.fromEntries(
    Object.entries(extraProblems).map(([key, problem]) => [
      key,
      problem === 'required' ? 'report.errors.extraRequired' : 'report.errors.extraInvalid',
    ]),
  ) as NonNullable<ReportErrors['extra']>;
  if (Object.keys(extraErrors).length > 0) errors.extra = extraErrors;
  if (!category && !errors.categoryCode) errors.categoryCode = 'report.errors.category';
  if (parsed.success && Object.keys(errors).length === 0) return { input: parsed.data, errors: null };
  return { input: null, errors };
}
