// The single tables file of the enforcement module: each area's tables file re-exported (drizzle-kit input).
export {};
export * from './officers/officers.tables';
export * from './supervision/supervision.tables';
export * from './inspections/inspections.tables';
export * from './lenient/lenient.tables';
export * from './evaluation/evaluation.tables';
export * from './delegation/delegation.tables';
export * from './bodies/bodies.tables';
