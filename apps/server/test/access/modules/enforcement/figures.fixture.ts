import type { ModuleFixture } from '../types';

/** The figures read the other areas' records for the caller's own region (or a regionCode/orgId in scope). */
export const figuresFixture: ModuleFixture = {
  setup: async () => ({}),
  paths: () => [[/^\/api\/enforcement\/figures\/:code\/records/, { code: 'supervision_opinions' }]],
  samples: () => ({}),
  unscoped: {
    'GET /api/enforcement/figures/:code/records':
      ':code names a figure definition, not a record; the scope is the caller’s own region or organisation unless regionCode/orgId is given, which must lie in the caller’s scope (enforcement/figures.test.ts checks the 404)',
  },
};
