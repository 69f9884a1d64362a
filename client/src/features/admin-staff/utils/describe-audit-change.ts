/** One changed field of an audit entry, rendered for reading. `null` means "no value on that side". */
export interface AuditFieldChange {
  /** Top-level key of the audited record; '' when the entry holds a single non-object value. */
  field: string;
  from: string | null;
  to: string | null;
  /** The uncut renderings, for a tooltip when `from`/`to` were cut. */
  fromFull: string | null;
  toFull: string | null;
}

type Primitive = string | number | boolean;

export interface DescribeAuditChangeOptions {
  /** Renders a primitive (alone or inside an array) of the given field; defaults to `String(value)`. */
  formatValue?: (value: Primitive, field: string) => string;
  /** Renders an object or an array of objects as text; defaults to its JSON (raw, for machines). */
  formatObject?: (value: unknown, field: string) => string;
}

export const AUDIT_VALUE_MAX_LENGTH = 120;

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isPrimitive = (value: unknown): value is Primitive =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/** A missing key and a JSON null read the same in the log, so they compare equal. */
const isAbsent = (value: unknown) => value === null || value === undefined;

function isDeepEqual(a: unknown, b: unknown): boolean {
  if (isAbsent(a) && isAbsent(b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, i) => isDeepEqual(item, b[i]))
    );
  }
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => isDeepEqual(a[key], b[key]));
  }
  return Object.is(a, b);
}

function renderValue(value: unknown, field: string, options: DescribeAuditChangeOptions): string | null {
  if (isAbsent(value)) return null;
  const format = options.formatValue ?? String;
  if (isPrimitive(value)) return format(value, field);
  if (Array.isArray(value) && value.every(isPrimitive)) {
    return value.map((item) => format(item, field)).join('、');
  }
  return options.formatObject ? options.formatObject(value, field) : JSON.stringify(value);
}

/** Cuts by code points so a character outside the BMP is never split in half. */
function cut(text: string | null): string | null {
  if (text === null) return null;
  const chars = Array.from(text);
  return chars.length > AUDIT_VALUE_MAX_LENGTH ? `${chars.slice(0, AUDIT_VALUE_MAX_LENGTH).join('')}…` : text;
}

function toChange(
  field: string,
  before: unknown,
  after: unknown,
  options: DescribeAuditChangeOptions,
): AuditFieldChange {
  const fromFull = renderValue(before, field, options);
  const toFull = renderValue(after, field, options);
  return { field, from: cut(fromFull), to: cut(toFull), fromFull, toFull };
}

/**
 * Turns an audit entry's `before`/`after` (arbitrary JSON, either may be null) into one line per
 * changed top-level field, in the order the fields first appear (before's keys first).
 */
export function describeAuditChange(
  before: unknown,
  after: unknown,
  options: DescribeAuditChangeOptions = {},
): AuditFieldChange[] {
  const hasBefore = !isAbsent(before);
  const hasAfter = !isAbsent(after);
  if (!hasBefore && !hasAfter) return [];
  const isRecordChange = (isObject(before) || !hasBefore) && (isObject(after) || !hasAfter);
  if (!isRecordChange) {
    return isDeepEqual(before, after) ? [] : [toChange('', before, after, options)];
  }
  const from: JsonObject = hasBefore ? (before as JsonObject) : {};
  const to: JsonObject = hasAfter ? (after as JsonObject) : {};
  const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])];
  // On a creation or deletion every key counts, except empty ones: a line without a value says nothing.
  return keys
    .filter((key) => !isDeepEqual(from[key], to[key]))
    .map((key) => toChange(key, from[key], to[key], options));
}
