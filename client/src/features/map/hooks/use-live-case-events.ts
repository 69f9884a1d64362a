import {
  chinaDayOf,
  LIVE_EVENT_NAMES,
  type LiveCaseEvent,
  liveCaseEventSchema,
  type MapPoints,
} from '@gridgov/shared';
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { STATS_QUERY_KEY } from '../api/get-grid-figures';
import { getMapPointsQueryOptions, MAP_POINTS_QUERY_KEY } from '../api/get-map-points';
import { type MapFilters, matchesMapFilters, toMapPoint } from '../utils/map-filters';

export type LiveState = 'connecting' | 'live' | 'offline';

/** Figures are aggregates: refetch them at most this often while changes stream in. */
const FIGURES_REFRESH_MS = 3_000;

/** Applies one change to a cached answer of GET /api/cases/map-points; null = cannot tell, refetch. */
export function patchMapPoints(
  data: MapPoints,
  event: LiveCaseEvent,
  filters: MapFilters,
  now: Date,
): MapPoints | null {
  const matches = matchesMapFilters(event, filters, now);
  if (matches === null) return null;
  const index = data.points.findIndex((point) => point[0] === event.caseId);
  const point = matches ? toMapPoint(event, now) : null;
  if (index < 0) {
    if (!point) return data;
    // A case created before the window, or outside it, cannot be placed from the event alone.
    const day = chinaDayOf(new Date(event.at));
    if (event.kind !== 'created' || day < filters.from || day > filters.to) return null;
    return { ...data, points: [point, ...data.points] };
  }
  const points = data.points.slice();
  if (point) points[index] = point;
  else points.splice(index, 1);
  return { ...data, points };
}

function applyEvent(queryClient: QueryClient, event: LiveCaseEvent, filters: MapFilters) {
  const { queryKey } = getMapPointsQueryOptions(filters);
  const data = queryClient.getQueryData(queryKey);
  const patched = data ? patchMapPoints(data, event, filters, new Date()) : null;
  if (patched) queryClient.setQueryData(queryKey, patched);
  else void queryClient.invalidateQueries({ queryKey, exact: true });
  // Points cached for other filters, case lists and details: stale now, refetched when next looked at.
  void queryClient.invalidateQueries({
    queryKey: ['cases'],
    predicate: (query) => JSON.stringify(query.queryKey) !== JSON.stringify(queryKey),
    refetchType: 'none',
  });
}
/**
 * Subscribes to `GET /api/events` while mounted: each case change patches the map's points at once, and the
 * grid figures are refetched shortly after. After a dropped connection (the browser reconnects by itself)
 * or a server-side `resync`, everything is refetched, since changes may have been missed.
 */
export function useLiveCaseEvents(filters: MapFilters): LiveState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<LiveState>('connecting');
  const filtersRef = useRef(filters);
  filtersRef.current = filters;

  useEffect(() => {
    if (typeof EventSource === 'undefined') {
      setState('offline');
      return;
    }
    const source = new EventSource('/api/events');
    let hasBeenOpen = false;
    let figuresTimer: ReturnType<typeof setTimeout> | undefined;
    const refreshFiguresSoon = () => {
      figuresTimer ??= setTimeout(() => {
        figuresTimer = undefined;
        void queryClient.invalidateQueries({ queryKey: STATS_QUERY_KEY });
      }, FIGURES_REFRESH_MS);
    };
    const refetchAll = () => {
      void queryClient.invalidateQueries({ queryKey: MAP_POINTS_QUERY_KEY });
      void queryClient.invalidateQueries({ queryKey: STATS_QUERY_KEY });
    };
    source.addEventListener(LIVE_EVENT_NAMES.ready, () => {
      setState('live');
      if (hasBeenOpen) refetchAll();
      hasBeenOpen = true;
    });
    source.addEventListener(LIVE_EVENT_NAMES.resync, refetchAll);
    source.addEventListener(LIVE_EVENT_NAMES.case, (message) => {
      const parsed = liveCaseEventSchema.safeParse(JSON.parse((message as MessageEvent<string>).data));
      if (!parsed.success) return;
      applyEvent(queryClient, parsed.data, filtersRef.current);
      refreshFiguresSoon();
    });
    source.onerror = () => setState(source.readyState === EventSource.CLOSED ? 'offline' : 'connecting');
    return () => {
      clearTimeout(figuresTimer);
      source.close();
    };
  }, [queryClient]);

  return state;
}
