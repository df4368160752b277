export {
  useCalendarYear,
  useCalendarYears,
  useDueDate,
  useSaveCalendarYear,
  type CalendarDay,
  type CalendarYear,
  type CalendarYearUpdate,
  type CalendarYearUpdateResult,
  type DueDateParams,
  type DueDateResponse,
} from './calendar';
