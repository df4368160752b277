// Contracts of the indicators module.
export * from './indicator.errors';
