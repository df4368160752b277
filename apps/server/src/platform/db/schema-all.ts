// The single schema input of drizzle-kit: platform tables plus every module's tables.
export * from './schema';
export * from '../../modules/clocks/clocks.tables';
export * from '../../modules/normdocs/normdocs.tables';
export * from '../../modules/indicators/indicators.tables';
export * from '../../modules/collection/collection.tables';
export * from '../../modules/reports/reports.tables';
export * from '../../modules/enforcement/enforcement.tables';
