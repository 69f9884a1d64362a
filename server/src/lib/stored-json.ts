import type { z } from 'zod';

/**
 * A JSON column whose stored value does not match its schema (a row written by an older version, by
 * hand, or corrupted). The message names the table, column and row; the error middleware logs it and
 * answers 500 without details, instead of a TypeError somewhere below (issue 23).
 */
export class StoredJsonError extends Error {
  constructor(
    readonly where: string,
    readonly issues: readonly z.core.$ZodIssue[],
  ) {
    const problems = issues.map((i) => `${i.path.join('.') || '(value)'}: ${i.message}`).join('; ');
    super(`${where} does not match its schema: ${problems}`);
    this.name = 'StoredJsonError';
  }
}

/**
 * JSON read back from the database, checked with its schema (from shared/ where the API shares it)
 * where the row leaves the repository, never cast. `where` names the place: `Category.fields (id)`.
 */
export function parseStoredJson<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new StoredJsonError(where, result.error.issues);
  return result.data;
}
