export { useClockCounts } from './clock-counts';
