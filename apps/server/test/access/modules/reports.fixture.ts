import type { ModuleFixture } from './types';

/** Access-matrix fixture of the reports module: target records in region A, path parameters, sample bodies. */
export const reportsFixture: ModuleFixture = {
  setup: async () => ({}),
  paths: () => [],
  samples: () => ({}),
};
