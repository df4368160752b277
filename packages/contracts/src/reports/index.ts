// Contracts of the reports module.
export {};
