import type { JobDefinition } from '../../platform/jobs';
import { takeEffectJob } from './normdocs.take-effect.job';
import { cleanupApplyJob, validityJob } from './cleanup/validity.job';

/** The module's scheduled jobs and event handlers; each area adds its own definition here. */
export const normdocJobs: JobDefinition[] = [takeEffectJob, validityJob, cleanupApplyJob];
