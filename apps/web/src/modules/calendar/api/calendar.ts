import {
  calendarYearSchema,
  calendarYearsSchema,
  calendarYearUpdateResultSchema,
  dueDateResponseSchema,
  type calendarDaySchema,
  type calendarYearUpdateSchema,
  type DueDateUnit,
} from '@fazhi/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, ApiError } from '../../../platform/api';

export type CalendarDay = z.infer<typeof calendarDaySchema>;
export type CalendarYear = z.infer<typeof calendarYearSchema>;
export type CalendarYearUpdate = z.input<typeof calendarYearUpdateSchema>;
export type CalendarYearUpdateResult = z.infer<typeof calendarYearUpdateResultSchema>;
export type DueDateResponse = z.infer<typeof dueDateResponseSchema>;

export interface DueDateParams {
  start: string;
  amount: number;
  unit: DueDateUnit;
}

const calendarKeys = {
  all: ['calendar'] as const,
  years: ['calendar', 'years'] as const,
  year: (year: number) => ['calendar', 'year', year] as const,
  dueDate: (p: DueDateParams) => ['calendar', 'due-date', p] as const,
};

export function useCalendarYears() {
  return useQuery({
    queryKey: calendarKeys.years,
    queryFn: ({ signal }) => api.get('/api/calendar/years', calendarYearsSchema, undefined, signal),
    select: (d) => [...d.years].sort((a, b) => b.year - a.year),
  });
}

/**
 * A year's arrangement. A year nobody has entered yet comes back with `version: 0` and no days; an older
 * server answered 404 for it, read here as `null`.
 */
export function useCalendarYear(year: number) {
  return useQuery({
    queryKey: calendarKeys.year(year),
    queryFn: async ({ signal }) => {
      try {
        return await api.get(`/api/calendar/years/${year}`, calendarYearSchema, undefined, signal);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}

/** PUT the year; the server recomputes every clock whose due date depends on it. */
export function useSaveCalendarYear(year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CalendarYearUpdate) =>
      api.put(`/api/calendar/years/${year}`, calendarYearUpdateResultSchema, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: calendarKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['clocks'] });
    },
  });
}

/** GET /api/calendar/due-date — runs when params are given. */
export function useDueDate(params: DueDateParams | null) {
  return useQuery({
    queryKey: params ? calendarKeys.dueDate(params) : ['calendar', 'due-date', 'none'],
    queryFn: ({ signal }) =>
      api.get('/api/calendar/due-date', dueDateResponseSchema, params ? { ...params } : undefined, signal),
    enabled: params !== null,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
