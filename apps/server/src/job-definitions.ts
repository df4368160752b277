import type { JobDefinition } from './platform/jobs';
import { purgeExpiredSessions } from './platform/auth/sessions';
import { clockScanJob } from './modules/clocks';
import { normdocJobs } from './modules/normdocs';
import { certificateRemindersJob } from './modules/enforcement/officers/certificates.reminders.job';

/** Every queue the server works: each module contributes its scheduled jobs and event handlers here. */
export function jobDefinitions(): JobDefinition[] {
  return [
    {
      name: 'platform.sessions.purge',
      cron: '17 3 * * *',
      handler: async (ctx) => purgeExpiredSessions(ctx.db),
    },
    clockScanJob,
    ...normdocJobs,
    certificateRemindersJob,
  ];
}
