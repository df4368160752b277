import type { ModuleFixture } from '../types';

export const lenientFixture: ModuleFixture = {
  setup: async () => ({}),
  paths: () => [],
  samples: () => ({}),
};
