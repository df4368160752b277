// Contracts of the indicators module.
export * from './indicator.errors';
export * from './indicator.schema';
export * from './report-import.schema';
export * from './dashboard.schema';
