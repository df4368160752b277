export * from './normdoc.states';
export * from './normdoc.labels';
export * from './normdoc.schema';
