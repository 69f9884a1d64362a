import { CASE_SORTS, CASE_STATUSES, type CaseStatus } from '@gridgov/shared';
import type { CaseFilters } from '../api/get-cases';

export type CaseSort = (typeof CASE_SORTS)[number];

export const DEFAULT_CASE_FILTERS: CaseFilters = {
  status: [],
  categoryCode: null,
  villageId: null,
  gridId: null,
  assigneeId: null,
  isOverdue: false,
  isEscalated: false,
  q: '',
  from: null,
  to: null,
  dueFrom: null,
  dueTo: null,
  sort: 'reported_desc',
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[\w-]{1,64}$/;

function parseStatuses(value: string | null): CaseStatus[] {
  const wanted = new Set((value ?? '').split(','));
  // In the machine's order, whatever order the link had: equal filters give equal URLs and query keys.
  return CASE_STATUSES.filter((status) => wanted.has(status));
}

function parseText(value: string | null, pattern: RegExp): string | null {
  return value && pattern.test(value) ? value : null;
}

/**
 * Reads the filters from the URL. Anything malformed (a hand-edited or stale link) is dropped instead of
 * failing the whole list with a 400.
 */
export function parseCaseFilters(params: URLSearchParams): CaseFilters {
  const sort = params.get('sort');
  return {
    status: parseStatuses(params.get('status')),
    categoryCode: parseText(params.get('categoryCode'), /^[\w.-]{1,40}$/),
    villageId: parseText(params.get('villageId'), ID),
    gridId: parseText(params.get('gridId'), ID),
    assigneeId: parseText(params.get('assigneeId'), ID),
    isOverdue: params.get('overdue') === 'true',
    isEscalated: params.get('escalated') === 'true',
    q: (params.get('q') ?? '').slice(0, 100),
    from: parseText(params.get('from'), ISO_DATE),
    to: parseText(params.get('to'), ISO_DATE),
    dueFrom: parseText(params.get('dueFrom'), ISO_DATE),
    dueTo: parseText(params.get('dueTo'), ISO_DATE),
    sort: CASE_SORTS.find((candidate) => candidate === sort) ?? DEFAULT_CASE_FILTERS.sort,
  };
}

/** Writes the filters into the URL, leaving defaults out so a plain list has a plain address. */
export function writeCaseFilters(filters: CaseFilters, base = new URLSearchParams()): URLSearchParams {
  const next = new URLSearchParams(base);
  const values: Record<string, string | null> = {
    status: filters.status.length > 0 ? filters.status.join(',') : null,
    categoryCode: filters.categoryCode,
    villageId: filters.villageId,
    gridId: filters.gridId,
    assigneeId: filters.assigneeId,
    overdue: filters.isOverdue ? 'true' : null,
    escalated: filters.isEscalated ? 'true' : null,
    q: filters.q.trim() || null,
    from: filters.from,
    to: filters.to,
    dueFrom: filters.dueFrom,
    dueTo: filters.dueTo,
    sort: filters.sort === DEFAULT_CASE_FILTERS.sort ? null : filters.sort,
  };
  for (const [key, value] of Object.entries(values)) {
    if (value) next.set(key, value);
    else next.delete(key);
  }
  return next;
}

/** How many filters beyond the keyword and sort are narrowing the list (for the "more filters" badge). */
export function countActiveFilters(filters: CaseFilters): number {
  return [
    filters.status.length > 0,
    filters.categoryCode,
    filters.villageId,
    filters.isOverdue,
    filters.isEscalated,
    filters.from,
    filters.to,
    filters.dueFrom,
    filters.dueTo,
  ].filter(Boolean).length;
}
