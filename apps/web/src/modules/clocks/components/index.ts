export { ClockCreateDrawer } from './ClockCreateDrawer';
export { ClockDetailDrawer } from './ClockDetailDrawer';
export { ClockStatusTag } from './ClockStatusTag';
export { ClockTable } from './ClockTable';
