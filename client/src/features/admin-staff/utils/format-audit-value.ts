import type { TFunction } from 'i18next';
import { formatDateTime } from '@/lib/china-time';

/** Fields whose values are codes, and where their labels live. */
const VALUE_LABELS: Record<string, string> = {
  role: 'roles',
  roles: 'roles',
  status: 'staffStatus',
  priority: 'casePriority',
  defaultPriority: 'casePriority',
  outcome: 'adminStaff.audit.values.outcome',
  mode: 'adminStaff.audit.values.mode',
  defaultHandler: 'adminStaff.audit.values.defaultHandler',
};

const CODE = /^[a-z_]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ROLE_AT_GRID = /^([a-z_]+):(\S+)$/;

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An id nobody reads in full: its first eight characters, labelled (the whole id is in the export). */
export function shortenId(t: TFunction, id: string): string {
  return t('adminStaff.audit.values.id', { id: id.slice(0, 8) });
}

/** A primitive of an audit entry as a person reads it: 是/否, labels for codes, China time, short ids. */
export function formatAuditValueWith(t: TFunction) {
  return (value: string | number | boolean, field: string): string => {
    if (typeof value === 'boolean') return t(`adminStaff.audit.values.${value ? 'yes' : 'no'}`);
    if (typeof value === 'number') return String(value);
    const labels = VALUE_LABELS[field];
    if (labels && CODE.test(value)) return t(`${labels}.${value}`, { defaultValue: value });
    // A handover lists grid posts as `role:gridCode` (`grid_worker:G001`).
    const post = field === 'grids' ? ROLE_AT_GRID.exec(value) : null;
    if (post) {
      const [, role = '', grid = ''] = post;
      return `${t(`roles.${role}`, { defaultValue: role })} ${grid}`;
    }
    if (UUID.test(value)) return shortenId(t, value);
    if (INSTANT.test(value)) return formatDateTime(value);
    return value;
  };
}

/**
 * An object of an audit entry (an SLA, a boundary, extra fields, working hours…) as text instead of
 * its JSON: known shapes by name, others as `label：value` pairs one level deep.
 */
export function formatAuditObjectWith(t: TFunction) {
  const formatValue = formatAuditValueWith(t);
  const label = (key: string) => t(`adminStaff.audit.fields.${key}`, { defaultValue: key });

  function formatAny(value: unknown, field: string): string {
    if (value === null || value === undefined) return t('common.empty');
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      return formatValue(value, field);
    }
    if (Array.isArray(value)) {
      if (value.length === 0) return t('common.empty');
      if (value.every((item) => !isObject(item)))
        return value.map((item) => formatAny(item, field)).join('、');
      const names = value.map((item) =>
        isObject(item) ? (item.label ?? item.name ?? item.number ?? item.code ?? item.date) : undefined,
      );
      if (names.every((name) => typeof name === 'string')) return names.join('、');
      return t('adminStaff.audit.values.items', { count: value.length });
    }
    if (!isObject(value)) return String(value);
    if (
      typeof value.type === 'string' &&
      ('coordinates' in value || 'geometry' in value || 'features' in value)
    ) {
      return t('adminStaff.audit.values.shape');
    }
    if (
      (value.unit === 'working_days' || value.unit === 'working_hours') &&
      typeof value.amount === 'number'
    ) {
      return t(`adminStaff.audit.values.sla.${value.unit}`, { count: value.amount });
    }
    return Object.entries(value)
      .map(([key, item]) => `${label(key)}：${formatAny(item, key)}`)
      .join('；');
  }

  return formatAny;
}
