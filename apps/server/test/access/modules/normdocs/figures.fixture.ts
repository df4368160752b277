import type { ModuleFixture } from '../types';

/** The figures are computed for the caller's own region (or the `regionCode` asked, checked against scope). */
export const figuresFixture: ModuleFixture = {
  setup: async () => ({}),
  paths: () => [[/^\/api\/normdocs\/figures\/:code\/records/, { code: 'filed_total' }]],
  samples: () => ({}),
  unscoped: {
    'GET /api/normdocs/figures/:code/records':
      ':code names a figure definition, not a record; the region is the caller’s own unless regionCode is given, which must lie in the caller’s scope (figures.test.ts checks the 404)',
  },
};
