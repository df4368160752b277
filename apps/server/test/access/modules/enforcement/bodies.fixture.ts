import type { ModuleFixture } from '../types';

export const bodiesFixture: ModuleFixture = {
  setup: async () => ({}),
  paths: () => [],
  samples: () => ({}),
};
