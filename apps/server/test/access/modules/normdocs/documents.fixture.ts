import type { ModuleFixture } from '../types';

export const documentsFixture: ModuleFixture = {
  setup: async () => ({}),
  paths: () => [],
  samples: () => ({}),
};
