import type { ModuleFixture } from '../types';

export const evaluationFixture: ModuleFixture = {
  setup: async () => ({}),
  paths: () => [],
  samples: () => ({}),
};
