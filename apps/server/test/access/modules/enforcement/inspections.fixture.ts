import type { ModuleFixture } from '../types';

export const inspectionsFixture: ModuleFixture = {
  setup: async () => ({}),
  paths: () => [],
  samples: () => ({}),
};
