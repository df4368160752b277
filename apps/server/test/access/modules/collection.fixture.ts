import type { ModuleFixture } from './types';

/** Access-matrix fixture of the collection module: target records in region A, path parameters, sample bodies. */
export const collectionFixture: ModuleFixture = {
  setup: async () => ({}),
  paths: () => [],
  samples: () => ({}),
};
