// Contracts of the collection module.
export * from './collection.states';
export * from './collection.schema';
