import type { ModuleFixture } from './types';

/** Access-matrix fixture of the indicators module: target records in region A, path parameters, sample bodies. */
export const indicatorsFixture: ModuleFixture = {
  setup: async () => ({}),
  paths: () => [],
  samples: () => ({}),
};
