// Contracts of the reports module.
export * from './report.states';
export * from './report.outline';
export * from './report.markup';
export * from './report.schema';
