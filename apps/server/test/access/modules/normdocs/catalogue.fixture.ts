import type { ModuleFixture } from '../types';

export const catalogueFixture: ModuleFixture = {
  setup: async () => ({}),
  paths: () => [],
  samples: () => ({}),
};
