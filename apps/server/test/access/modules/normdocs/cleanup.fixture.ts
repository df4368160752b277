import {
  normdocCleanupCampaigns,
  normdocCleanupItems,
} from '../../../../src/modules/normdocs/normdocs.tables';
import { insertDoc } from '../../../normdocs/fixtures';
import type { ModuleFixture } from '../types';

/**
 * The target campaign: run by region A's justice bureau, covering region A's department, with the documents
 * fixture's in-force document on its worklist. Direct inserts. Write samples never change the document: the
 * item is kept, the decision takes effect in 2099, so apply is refused.
 */
export const cleanupFixture: ModuleFixture = {
  setup: async (env, w) => {
    const docId = w.extra.docId ?? (await insertDoc(env, w.dept.A, { status: 'in_force' })).id;
    const [c] = await env.database.db
      .insert(normdocCleanupCampaigns)
      .values({
        orgId: w.bureau.A.id,
        regionPath: w.regions.A.path,
        title: '访问矩阵清理',
        kind: 'full',
        cutoffDate: '2099-12-31',
        scopeOrgIds: [w.dept.A.id],
        status: 'open',
      })
      .returning();
    if (!c) throw new Error('cleanup fixture: no campaign');
    await env.database.db.insert(normdocCleanupItems).values({ campaignId: c.id, docId });
    return { campaignId: c.id, cleanupDocId: docId };
  },
  paths: (ids) => [
    [
      /^\/api\/normdocs\/cleanup-campaigns\/:id\/items\/:docId/,
      { id: ids.campaignId!, docId: ids.cleanupDocId! },
    ],
    [/^\/api\/normdocs\/cleanup-campaigns\/:id/, { id: ids.campaignId! }],
    [/^\/api\/normdocs\/:id\/evaluations/, { id: ids.cleanupDocId! }],
  ],
  samples: (_ids, w, n) => ({
    'POST /api/normdocs/cleanup-campaigns': {
      title: `矩阵清理${n}`,
      kind: 'full',
      cutoffDate: '2025-12-31',
      scopeOrgIds: [w.dept.A.id],
    },
    'POST /api/normdocs/cleanup-campaigns/:id/items/:docId': { result: 'keep' },
    'POST /api/normdocs/cleanup-campaigns/:id/decision': {
      version: 1,
      decisionDocNumber: '矩阵〔2026〕1号',
      decisionDate: '2099-01-01',
      effectiveOn: '2099-01-01',
    },
    'POST /api/normdocs/cleanup-campaigns/:id/apply': { version: 2 },
    'POST /api/normdocs/:id/evaluations': {
      evaluator: '制定机关',
      participants: ['人大代表', '律师代表'],
      findings: '矩阵评估结论',
      recommendation: 'continue',
      reportOn: '2026-01-05',
    },
  }),
};
