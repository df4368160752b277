import type { ModuleFixture } from '../types';

export const registersFixture: ModuleFixture = {
  setup: async () => ({}),
  paths: () => [],
  samples: () => ({}),
};
