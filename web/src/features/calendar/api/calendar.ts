import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, sendJson } from '../../../lib/api-client.ts';

export type CalendarDayKind = 'day_off' | 'working_day';

export interface CalendarYear {
  year: number;
  /** The official entries of the year (days off and make-up days), which an administrator keeps. */
  exceptions: { date: string; kind: CalendarDayKind; reason: string; source: string | null }[];
  /** Every weekday that is not worked: public holidays (the library) and official days off (entries). */
  weekdaysOff: { date: string; reason: 'public_holiday' | 'official_day_off'; note: string | null }[];
  makeUpDays: string[];
}

export const calendarYearQuery = (year: number) =>
  queryOptions({
    queryKey: ['calendar', year],
    queryFn: ({ signal }) => getJson<CalendarYear>(`/public/calendar/${year}`, {}, signal),
  });

export const useCalendarYear = (year: number) => useQuery(calendarYearQuery(year));

function useCalendarChange<V>(send: (v: V) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => void client.invalidateQueries({ queryKey: ['calendar'] }),
  });
}

export const useAddCalendarDay = () =>
  useCalendarChange((day: { date: string; kind: CalendarDayKind; reason: string; source: string | null }) =>
    sendJson('POST', '/calendar/days', day),
  );

export const useRemoveCalendarDay = () =>
  useCalendarChange((date: string) => sendJson('DELETE', `/calendar/days/${date}`));
