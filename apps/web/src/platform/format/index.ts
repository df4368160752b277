export { DATE_FORMAT, formatDate, formatDateTime, fromIsoDate, toIsoDate, today, weekdayOf } from './date';
