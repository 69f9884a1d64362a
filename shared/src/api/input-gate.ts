import { z } from 'zod';

// The one input gate (issue 12, docs/decisions/016): what no request may carry, whichever field it is
// in. The server applies `findUnsafeInput` to every query, JSON body, form field and path before any
// route runs; the date schemas below bound every day and instant the API accepts. PostgreSQL refuses
// NUL in text and dates outside its range with errors that would otherwise surface as 500s.

/** Years a date in a request may name: wide enough for birth dates and history, narrow enough for every database. */
export const INPUT_YEAR_MIN = 1900;
export const INPUT_YEAR_MAX = 2199;

/** Nesting deeper than this is refused (no real request of ours nests past 10). */
export const INPUT_MAX_DEPTH = 32;

// C0 controls except tab, line feed and carriage return (multi-line text keeps them), and DEL.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// A UTF-16 half without its partner cannot be stored as UTF-8.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export type InputProblem = 'control_character' | 'invalid_unicode' | 'non_finite_number' | 'too_deep';

export interface UnsafeInput {
  /** Where in the request: `description`, `items.2.name`, a query key, or `path`. */
  path: string;
  problem: InputProblem;
  /** A message naming the field, in the shape of a validation issue. */
  message: string;
}

const MESSAGES: Record<InputProblem, string> = {
  control_character: 'contains a control character (such as U+0000), which is not allowed in text',
  invalid_unicode: 'contains an incomplete Unicode character (a lone surrogate)',
  non_finite_number: 'must be a finite number',
  too_deep: `is nested more than ${INPUT_MAX_DEPTH} levels deep`,
};

/** Why a piece of text cannot be accepted, or null when it can. */
export function findTextProblem(text: string): InputProblem | null {
  if (CONTROL_CHARACTER.test(text)) return 'control_character';
  if (LONE_SURROGATE.test(text)) return 'invalid_unicode';
  return null;
}

export function isSafeText(text: string): boolean {
  return findTextProblem(text) === null;
}

/**
 * The first thing in a request value that no field may hold (keys are checked as well as values),
 * or null. Walks objects and arrays; numbers must be finite.
 */
export function findUnsafeInput(value: unknown, path: readonly (string | number)[] = []): UnsafeInput | null {
  const problemAt = (problem: InputProblem, at: readonly (string | number)[]): UnsafeInput => {
    const name = at.length ? at.join('.') : '(body)';
    return { path: name, problem, message: `${name} ${MESSAGES[problem]}` };
  };
  if (path.length > INPUT_MAX_DEPTH) return problemAt('too_deep', path);
  if (typeof value === 'string') {
    const problem = findTextProblem(value);
    return problem ? problemAt(problem, path) : null;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? null : problemAt('non_finite_number', path);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnsafeInput(value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const keyProblem = findTextProblem(key);
      if (keyProblem) return problemAt(keyProblem, [...path, JSON.stringify(key).slice(1, -1)]);
      const found = findUnsafeInput(child, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

export function isYearInInputRange(year: number): boolean {
  return Number.isInteger(year) && year >= INPUT_YEAR_MIN && year <= INPUT_YEAR_MAX;
}

/** An instant the API can store and compare: a real date whose (UTC) year is in the input range. */
export function isInstantInInputRange(date: Date): boolean {
  return !Number.isNaN(date.getTime()) && isYearInInputRange(date.getUTCFullYear());
}

const yearRangeMessage = `must be a date between ${INPUT_YEAR_MIN} and ${INPUT_YEAR_MAX}`;

/** A calendar day `YYYY-MM-DD` (a real one: no 02-30) within the input years. */
export function isoDay(message = 'must be a real date written YYYY-MM-DD') {
  return z.iso
    .date(message)
    .refine((day) => isYearInInputRange(Number(day.slice(0, 4))), { message: yearRangeMessage });
}

/** An ISO 8601 instant (with `Z` or an offset when `offset` is set) within the input years. */
export function isoInstant(options: { offset?: boolean } = {}) {
  return z.iso
    .datetime({ offset: options.offset ?? false })
    .refine((text) => isInstantInInputRange(new Date(text)), { message: yearRangeMessage });
}
