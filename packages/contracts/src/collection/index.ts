// Contracts of the collection module.
export {};
