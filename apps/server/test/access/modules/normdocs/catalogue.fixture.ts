import type { ModuleFixture } from '../types';

/**
 * The public catalogue reads the documents fixture's in-force target (`docId`) and its official text
 * (`attachmentId`); the staff search has no path parameters (its results are checked for leaks).
 */
export const catalogueFixture: ModuleFixture = {
  setup: async () => ({}),
  paths: (ids) => [
    [
      /^\/api\/public\/normdocs\/:id\/attachments\/:attachmentId/,
      { id: ids.docId!, attachmentId: ids.attachmentId! },
    ],
    [/^\/api\/public\/normdocs\/:id/, { id: ids.docId! }],
  ],
  samples: () => ({}),
};
