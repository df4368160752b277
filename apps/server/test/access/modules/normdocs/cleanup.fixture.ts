import type { ModuleFixture } from '../types';

export const cleanupFixture: ModuleFixture = {
  setup: async () => ({}),
  paths: () => [],
  samples: () => ({}),
};
