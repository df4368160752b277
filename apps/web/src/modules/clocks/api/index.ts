export {
  clockKeys,
  clockQuery,
  useClock,
  useClocks,
  useCompleteClock,
  useCreateClock,
  useEndPause,
  useExtendClock,
  usePauseClock,
  type ClockCreateInput,
  type ClockFilters,
  type ClockSort,
} from './clocks';
