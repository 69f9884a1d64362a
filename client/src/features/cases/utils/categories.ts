import type { Category, ExtraField } from '@gridgov/shared';
import { pickLocalized } from '@/lib/pick-localized';

export type CategoryGroup = { parent: Category | null; leaves: Category[] };

export function isLeafCategory(categories: readonly Category[], category: Category): boolean {
  return !categories.some((other) => other.parentCode === category.code);
}

/**
 * Active leaf categories grouped under their parents, in the server's order. Reports are filed under leaves
 * only; a top-level category without children stands in a group of its own (parent null).
 */
export function groupReportableCategories(categories: readonly Category[]): CategoryGroup[] {
  const groups: CategoryGroup[] = [];
  for (const category of categories) {
    if (!category.isActive || !isLeafCategory(categories, category)) continue;
    const parent = categories.find((candidate) => candidate.code === category.parentCode) ?? null;
    const group = groups.find((candidate) => candidate.parent?.code === parent?.code);
    if (group) group.leaves.push(category);
    else groups.push({ parent, leaves: [category] });
  }
  return groups;
}

export function findCategory(
  categories: readonly Category[] | undefined,
  code: string,
): Category | undefined {
  return categories?.find((category) => category.code === code);
}

function labelOption(field: ExtraField, value: unknown, language: string): string {
  const option = field.options?.find((candidate) => candidate.value === value);
  return option ? pickLocalized(language, option.label, option.labelEn) : String(value);
}

/** An extra value as text: choice values by their labels, numbers and dates as entered. */
export function formatExtraValue(field: ExtraField | undefined, value: unknown, language: string): string {
  if (value === null || value === undefined || value === '') return '';
  if (Array.isArray(value)) {
    const separator = language.startsWith('en') ? ', ' : '、';
    return value.map((item) => (field ? labelOption(field, item, language) : String(item))).join(separator);
  }
  if (field && (field.type === 'single' || field.type === 'multi'))
    return labelOption(field, value, language);
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
