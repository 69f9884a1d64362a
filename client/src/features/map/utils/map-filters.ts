import {
  addDays,
  CASE_STATUSES,
  type CaseStatus,
  CHOROPLETH_METRICS,
  type ChoroplethMetric,
  chinaDayOf,
  isOverdueNow,
  type LiveCaseEvent,
  type MapPoint,
  OPEN_STATUSES,
} from '@gridgov/shared';

export const MAP_LAYERS = ['grids', 'villages', 'cases'] as const;
export type MapLayer = (typeof MAP_LAYERS)[number];

/** `open` is a shortcut for every open status. */
export type StatusChoice = CaseStatus | 'open' | null;

export interface MapFilters {
  metric: ChoroplethMetric;
  status: StatusChoice;
  categoryCode: string | null;
  /** YYYY-MM-DD (China time), inclusive. */
  from: string;
  to: string;
  isEscalated: boolean;
  isOverdue: boolean;
  layers: MapLayer[];
}

export const DEFAULT_WINDOW_DAYS = 30;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isMember<T extends string>(list: readonly T[], value: string | null): value is T {
  return value !== null && (list as readonly string[]).includes(value);
}

/** Reads the filters from the URL; anything missing or malformed falls back to the default. */
export function parseMapFilters(params: URLSearchParams, now = new Date()): MapFilters {
  const metric = params.get('metric');
  const status = params.get('status');
  const from = params.get('from');
  const to = params.get('to');
  const layers = params.get('layers');
  return {
    metric: isMember(CHOROPLETH_METRICS, metric) ? metric : 'open',
    status: status === 'open' || isMember(CASE_STATUSES, status) ? status : null,
    categoryCode: params.get('category') || null,
    from: from && DATE.test(from) ? from : addDays(chinaDayOf(now), -(DEFAULT_WINDOW_DAYS - 1)),
    to: to && DATE.test(to) ? to : chinaDayOf(now),
    isEscalated: params.get('escalated') === 'true',
    isOverdue: params.get('overdue') === 'true',
    layers:
      layers === null
        ? [...MAP_LAYERS]
        : layers.split(',').filter((layer): layer is MapLayer => isMember(MAP_LAYERS, layer)),
  };
}

/** Writes only what differs from the defaults, so a plain link stays plain. */
export function writeMapFilters(
  params: URLSearchParams,
  filters: MapFilters,
  now = new Date(),
): URLSearchParams {
  const next = new URLSearchParams(params);
  const defaults = parseMapFilters(new URLSearchParams(), now);
  const set = (key: string, value: string | null, fallback: string | null) => {
    if (value === null || value === fallback) next.delete(key);
    else next.set(key, value);
  };
  set('metric', filters.metric, defaults.metric);
  set('status', filters.status, null);
  set('category', filters.categoryCode, null);
  set('from', filters.from, defaults.from);
  set('to', filters.to, defaults.to);
  set('escalated', filters.isEscalated ? 'true' : null, null);
  set('overdue', filters.isOverdue ? 'true' : null, null);
  set('layers', filters.layers.join(','), MAP_LAYERS.join(','));
  return next;
}

/** The query of GET /api/cases/map-points for these filters. */
export function toMapPointsQuery(filters: MapFilters): Record<string, string | undefined> {
  return {
    status: filters.status === 'open' ? OPEN_STATUSES.join(',') : (filters.status ?? undefined),
    categoryCode: filters.categoryCode ?? undefined,
    from: filters.from,
    to: filters.to,
    escalated: filters.isEscalated ? 'true' : undefined,
    overdue: filters.isOverdue ? 'true' : undefined,
  };
}

/** The same filter the server applies, for a live change: null when the event cannot tell (category). */
export function matchesMapFilters(event: LiveCaseEvent, filters: MapFilters, now: Date): boolean | null {
  if (filters.categoryCode) return null;
  const status = filters.status;
  if (status === 'open' && !OPEN_STATUSES.includes(event.status)) return false;
  if (status && status !== 'open' && event.status !== status) return false;
  if (filters.isEscalated && !event.isEscalated) return false;
  if (filters.isOverdue && !isOverdueNow(event, now)) return false;
  return event.location !== null;
}

/** The tuple the map-points endpoint would return for this case now. */
export function toMapPoint(event: LiveCaseEvent, now: Date): MapPoint | null {
  if (!event.location) return null;
  return [
    event.caseId,
    event.location.lon,
    event.location.lat,
    event.status,
    event.isEscalated ? 1 : 0,
    isOverdueNow(event, now) ? 1 : 0,
  ];
}
