import type { ModuleFixture } from '../types';

export const supervisionFixture: ModuleFixture = {
  setup: async () => ({}),
  paths: () => [],
  samples: () => ({}),
};
