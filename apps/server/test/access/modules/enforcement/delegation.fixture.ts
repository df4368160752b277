import type { ModuleFixture } from '../types';

export const delegationFixture: ModuleFixture = {
  setup: async () => ({}),
  paths: () => [],
  samples: () => ({}),
};
