import type { ModuleFixture } from '../types';

export const figuresFixture: ModuleFixture = {
  setup: async () => ({}),
  paths: () => [],
  samples: () => ({}),
};
