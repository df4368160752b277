import { eq } from 'drizzle-orm';
import {
  enfSupervisionNoticeItems,
  enfSupervisionNotices,
  enfSupervisionProblems,
} from '../../../../src/modules/enforcement/supervision/supervision.tables';
import { organisations } from '../../../../src/platform/db/schema';
import type { ModuleFixture } from '../types';

/**
 * Targets: a 意见书 (with one item) and a complaint addressed to region A's department, made an enforcement
 * body. Direct inserts. Write samples on the targets use a stale version (409, nothing changes); creations
 * add new records and leave the targets alone.
 */
export const supervisionFixture: ModuleFixture = {
  setup: async (env, w) => {
    const db = env.database.db;
    await db
      .update(organisations)
      .set({ isLawEnforcementBody: true })
      .where(eq(organisations.id, w.dept.A.id));
    const [notice] = await db
      .insert(enfSupervisionNotices)
      .values({
        kind: 'opinion',
        number: `矩阵执法监督意〔2025〕${Date.now()}号`,
        year: 2025,
        serial: 1,
        issuerOrgId: w.bureau.A.id,
        orgId: w.dept.A.id,
        regionPath: w.regions.A.path,
        title: '访问矩阵监督意见书',
        facts: '矩阵',
        issuedOn: '2025-09-26',
        deadlineAmount: 15,
        deadlineUnit: 'working_days',
        dueDate: '2025-10-23',
        status: 'issued',
      })
      .returning();
    if (!notice) throw new Error('supervision fixture: no notice');
    const [item] = await db
      .insert(enfSupervisionNoticeItems)
      .values({ noticeId: notice.id, seq: 1, content: '矩阵整改意见' })
      .returning();
    const [problem] = await db
      .insert(enfSupervisionProblems)
      .values({
        orgId: w.dept.A.id,
        regionPath: w.regions.A.path,
        source: 'complaint',
        description: '矩阵投诉',
        receivedOn: '2025-06-01',
        status: 'open',
      })
      .returning();
    return {
      supervisionNoticeId: notice.id,
      supervisionNoticeItemId: item?.id as string,
      supervisionProblemId: problem?.id as string,
    };
  },
  paths: (ids) => [
    [/^\/api\/enforcement\/supervision\/notices\/:id/, { id: ids.supervisionNoticeId! }],
    [/^\/api\/enforcement\/supervision\/problems\/:id/, { id: ids.supervisionProblemId! }],
  ],
  samples: (ids, w) => ({
    'POST /api/enforcement/supervision/checks': {
      kind: 'routine',
      title: '矩阵日常检查',
      targetOrgIds: [w.dept.A.id],
      periodFrom: '2025-05-01',
      periodTo: '2025-05-02',
    },
    'POST /api/enforcement/supervision/problems': {
      orgId: w.dept.A.id,
      source: 'other',
      description: '矩阵问题',
      receivedOn: '2025-06-01',
    },
    'POST /api/enforcement/supervision/problems/:id/handle': { version: 999, status: 'dismissed' },
    'POST /api/enforcement/supervision/notices': {
      kind: 'opinion',
      orgId: w.dept.A.id,
      title: '矩阵意见书',
      facts: '矩阵',
      items: ['矩阵'],
    },
    'POST /api/enforcement/supervision/notices/:id/respond': {
      version: 999,
      items: [{ itemId: ids.supervisionNoticeItemId, response: '矩阵' }],
    },
    'POST /api/enforcement/supervision/notices/:id/extend': {
      version: 999,
      newDue: '2099-01-01',
      reason: '矩阵',
    },
    'POST /api/enforcement/supervision/notices/:id/close': { version: 999, note: '' },
    'POST /api/enforcement/supervision/notices/:id/escalate': {
      version: 999,
      to: 'government',
      reason: '矩阵',
    },
    'POST /api/enforcement/supervision/interviews': {
      orgId: w.dept.A.id,
      heldOn: '2025-06-10',
      persons: '矩阵',
      reason: '矩阵',
    },
    'POST /api/enforcement/supervision/accountability': {
      orgId: w.dept.A.id,
      person: '矩阵',
      measure: 'criticism',
      authority: '矩阵',
      decidedOn: '2025-06-10',
      reason: '矩阵',
    },
  }),
};
