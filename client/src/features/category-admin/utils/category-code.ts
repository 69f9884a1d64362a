import type { Category } from '@gridgov/shared';

export type CategoryKind = 'group' | 'leaf';

/** What a new code must start with: nothing for a group, `<parent>.` for a leaf. */
export function codePrefix(kind: CategoryKind, parentCode: string | null): string {
  return kind === 'leaf' && parentCode ? `${parentCode}.` : '';
}

/** Moves a half-typed code to another prefix, keeping what the admin typed after the old one. */
export function rebaseCode(code: string, fromPrefix: string, toPrefix: string): string {
  const rest = fromPrefix && code.startsWith(fromPrefix) ? code.slice(fromPrefix.length) : code;
  return `${toPrefix}${rest}`;
}

export type CodeProblem = { reason: 'groupHasDot' | 'leafPrefix' | 'taken'; parentCode: string | null };

/**
 * Which taxonomy rule a code breaks, to word it precisely: a group's code has no dot, a leaf's code is
 * its group's code plus one segment (the shared schema refuses the same codes, with one message), and
 * no two categories share a code (only the list at hand knows that before the server answers 409).
 */
export function findCodeProblem(
  code: string,
  kind: CategoryKind,
  parentCode: string | null,
  existing: readonly Pick<Category, 'code'>[],
): CodeProblem | null {
  if (kind === 'group' && code.includes('.')) return { reason: 'groupHasDot', parentCode };
  if (kind === 'leaf') {
    const prefix = codePrefix(kind, parentCode);
    const rest = code.startsWith(prefix) ? code.slice(prefix.length) : '';
    if (!prefix || !rest || rest.includes('.')) return { reason: 'leafPrefix', parentCode };
  }
  if (existing.some((c) => c.code === code)) return { reason: 'taken', parentCode };
  return null;
}
