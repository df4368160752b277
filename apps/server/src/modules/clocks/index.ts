// What other modules may use from the clocks module (期限台账).
export { clockRoutes } from './clocks.routes';
export { clockScanJob, scanClocks, type ScanResult } from './clock-scan.job';
export { recomputeClocksForYear } from './clocks.recompute';
export { invalidateClockCounts } from './clocks.count-cache';
export {
  openClockInTx,
  completeClockInTx,
  findClockIdBySubject,
  openClocksForSubjects,
  type OpenClockInput,
} from './clocks.internal';
