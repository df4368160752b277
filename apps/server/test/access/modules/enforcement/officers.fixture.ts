import type { ModuleFixture } from '../types';

export const officersFixture: ModuleFixture = {
  setup: async () => ({}),
  paths: () => [],
  samples: () => ({}),
};
