import {
  type CalendarAdmin,
  type CalendarYearInput,
  calendarAdminSchema,
  type WorkingPeriod,
} from '@gridgov/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '@/lib/api-client';

export function getCalendarAdmin({ signal }: { signal?: AbortSignal } = {}): Promise<CalendarAdmin> {
  return api.get('/api/admin/calendar', { signal, schema: calendarAdminSchema });
}

export function getCalendarAdminQueryOptions() {
  return queryOptions({
    queryKey: ['admin', 'calendar'],
    queryFn: ({ signal }) => getCalendarAdmin({ signal }),
  });
}

export function useCalendarAdmin() {
  return useQuery(getCalendarAdminQueryOptions());
}

export function saveCalendarYear(year: number, input: CalendarYearInput): Promise<CalendarAdmin> {
  return apiRequest(`/api/admin/calendar/years/${year}`, {
    method: 'PUT',
    body: input,
    schema: calendarAdminSchema,
  });
}

export function saveWorkingHours(workingHours: WorkingPeriod[]): Promise<CalendarAdmin> {
  return apiRequest('/api/admin/calendar/working-hours', {
    method: 'PUT',
    body: { workingHours },
    schema: calendarAdminSchema,
  });
}

export function useSaveCalendarYear() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ year, input }: { year: number; input: CalendarYearInput }) =>
      saveCalendarYear(year, input),
    onSuccess: (data) => queryClient.setQueryData(getCalendarAdminQueryOptions().queryKey, data),
  });
}

export function useSaveWorkingHours() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveWorkingHours,
    onSuccess: (data) => queryClient.setQueryData(getCalendarAdminQueryOptions().queryKey, data),
  });
}
