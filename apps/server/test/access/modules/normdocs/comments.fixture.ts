import type { ModuleFixture } from '../types';

export const commentsFixture: ModuleFixture = {
  setup: async () => ({}),
  paths: () => [],
  samples: () => ({}),
};
