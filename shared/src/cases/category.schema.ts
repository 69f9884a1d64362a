import { z } from 'zod';
import { slaDurationSchema } from '../calendar';
import { casePrioritySchema } from './case-states';

export const EXTRA_FIELD_TYPES = ['text', 'number', 'date', 'single', 'multi'] as const;

export const extraFieldSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'lower-case letters, digits and _'),
    label: z.string().min(1).max(40),
    labelEn: z.string().min(1).max(60),
    type: z.enum(EXTRA_FIELD_TYPES),
    required: z.boolean().default(false),
    options: z
      .array(
        z.object({
          value: z.string().min(1).max(40),
          label: z.string().min(1).max(40),
          labelEn: z.string().min(1).max(80),
        }),
      )
      .optional(),
  })
  .refine((f) => (f.type === 'single' || f.type === 'multi') === Boolean(f.options?.length), {
    message: 'choice fields need options; other fields must not have any',
    path: ['options'],
  });
export type ExtraField = z.infer<typeof extraFieldSchema>;

export const DEFAULT_HANDLERS = ['grid_worker', 'department'] as const;

export const categorySchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  parentCode: z.string().nullable(),
  sla: slaDurationSchema,
  defaultPriority: casePrioritySchema,
  defaultHandler: z.enum(DEFAULT_HANDLERS),
  departmentName: z.string().nullable(),
  fields: z.array(extraFieldSchema),
  isActive: z.boolean(),
});
export type Category = z.infer<typeof categorySchema>;
export const categoryListSchema = z.object({ items: z.array(categorySchema) });

/** Checks a report's extra values against its category's field definitions; returns problems by key. */
export function validateExtraValues(
  fields: readonly ExtraField[],
  values: Record<string, unknown>,
): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const key of Object.keys(values)) {
    if (!fields.some((f) => f.key === key)) problems[key] = 'unknown field';
  }
  for (const field of fields) {
    const value = values[field.key];
    const isEmpty =
      value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
    if (isEmpty) {
      if (field.required) problems[field.key] = 'required';
      continue;
    }
    const allowed = new Set(field.options?.map((o) => o.value));
    const ok =
      field.type === 'text'
        ? typeof value === 'string' && value.length <= 500
        : field.type === 'number'
          ? typeof value === 'number' && Number.isFinite(value)
          : field.type === 'date'
            ? typeof value === 'string' &&
              /^\d{4}-\d{2}-\d{2}$/.test(value) &&
              !Number.isNaN(Date.parse(value))
            : field.type === 'single'
              ? typeof value === 'string' && allowed.has(value)
              : Array.isArray(value) && value.every((v) => typeof v === 'string' && allowed.has(v));
    if (!ok) problems[field.key] = `invalid ${field.type} value`;
  }
  return problems;
}

/** A category's extra fields: at most 20, each with its own key (the key names the value on the case). */
export const extraFieldListSchema = z
  .array(extraFieldSchema)
  .max(20)
  .refine((fields) => new Set(fields.map((f) => f.key)).size === fields.length, {
    message: 'each extra field needs its own key',
  });

const categoryFieldsSchema = z.object({
  name: z.string().trim().min(1).max(40),
  nameEn: z.string().trim().min(1).max(80),
  sla: slaDurationSchema,
  defaultPriority: casePrioritySchema,
  defaultHandler: z.enum(DEFAULT_HANDLERS),
  departmentName: z.string().trim().max(60).nullable(),
  fields: extraFieldListSchema,
  isActive: z.boolean(),
});

const withDepartmentRule = <T extends z.ZodType<{ defaultHandler?: string; departmentName?: string | null }>>(
  schema: T,
) =>
  schema.refine((c) => c.defaultHandler !== 'department' || Boolean(c.departmentName), {
    message: 'a department-handled category needs the department’s name',
    path: ['departmentName'],
  });

const CATEGORY_CODE = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?$/;

export const createCategorySchema = withDepartmentRule(
  categoryFieldsSchema.extend({
    code: z.string().max(40).regex(CATEGORY_CODE, 'like "roads" or "roads.damage"'),
    parentCode: z.string().nullable().default(null),
    fields: extraFieldListSchema.default([]),
    isActive: z.boolean().default(true),
    departmentName: z.string().trim().max(60).nullable().default(null),
  }),
).refine(
  (c) =>
    // A malformed code is reported once, by its own rule.
    !CATEGORY_CODE.test(c.code) ||
    (c.parentCode === null
      ? !c.code.includes('.')
      : c.code.startsWith(`${c.parentCode}.`) && c.code.length > c.parentCode.length + 1),
  {
    message: 'a group’s code has no dot; a sub-category’s code is its group’s code, a dot and a name',
    path: ['code'],
  },
);
export type CreateCategory = z.infer<typeof createCategorySchema>;

/** Changes apply to cases accepted from now on: deadlines already set are never rewritten. */
export const updateCategorySchema = withDepartmentRule(categoryFieldsSchema.partial());
export type UpdateCategory = z.infer<typeof updateCategorySchema>;
