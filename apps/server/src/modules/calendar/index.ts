// What other modules may use from the calendar module (法定节假日安排 and 期间计算).
export { calendarRoutes } from './calendar.routes';
export { computeDueDate, updateCalendarYear, validateYearDays } from './calendar.service';
