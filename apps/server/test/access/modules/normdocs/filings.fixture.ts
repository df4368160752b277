import type { ModuleFixture } from '../types';

export const filingsFixture: ModuleFixture = {
  setup: async () => ({}),
  paths: () => [],
  samples: () => ({}),
};
