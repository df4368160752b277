// What other modules may use from the indicators module.
export { indicatorsRoutes } from './indicators.routes';
export { findIndicators, assertIndicatorsExist, type IndicatorRow } from './indicators.repository';
export { resolveIndicatorValues, type ResolvedValue, type ResolveQuery } from './indicators.resolve';
export { saveCollectedValues, findReusableValue, type CollectedValueInput } from './indicators.values';
export {
  registerComputation,
  type Computation,
  type ComputationQuery,
  type ComputedFigure,
} from './indicators.computations';
export { periodRange } from './indicators.period';
export { displayValue, rateOf } from './indicators.format';
export { seedIndicatorCatalogue, normdocIndicatorCode } from './indicators.seed';
