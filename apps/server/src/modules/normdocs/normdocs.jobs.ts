import type { JobDefinition } from '../../platform/jobs';

/** The module's scheduled jobs and event handlers; each area adds its own definition here. */
export const normdocJobs: JobDefinition[] = [];
