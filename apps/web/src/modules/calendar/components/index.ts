export { rowProblems, toDays, toRows, type DayRow } from './days';
export { DaysEditor } from './DaysEditor';
export { DueDatePreview, DueDateView, ProvisionalTag } from './DueDateResult';
