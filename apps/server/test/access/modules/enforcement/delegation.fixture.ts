import { delegatedPowers } from '../../../../src/modules/enforcement/delegation/delegation.tables';
import { makeOrg } from '../../../harness';
import type { ModuleFixture } from '../types';

/**
 * The target: a township of region A holding one power delegated from region A's department (so the department's
 * own-organisation roles see it). Write samples carry stale versions (withdraw, capacity) or add a power in a new
 * round without changing the target.
 */
export const delegationFixture: ModuleFixture = {
  setup: async (env, w) => {
    const town = await makeOrg(env, w.regions.A, { type: 'township', name: `矩阵镇${Date.now()}` });
    const [p] = await env.database.db
      .insert(delegatedPowers)
      .values({
        townshipOrgId: town.id,
        sourceOrgId: w.dept.A.id,
        regionPath: town.regionPath,
        name: '矩阵赋权事项',
        legalBasis: '行政处罚法 第二十四条',
        decisionDocNumber: '矩政〔2024〕1号',
        decisionDate: '2024-01-02',
        effectiveOn: '2024-02-01',
      })
      .returning();
    return { delegationTownshipId: town.id, delegatedPowerId: p!.id };
  },
  paths: (ids) => [
    [/^\/api\/enforcement\/delegation\/powers\/:id/, { id: ids.delegatedPowerId! }],
    [/^\/api\/enforcement\/delegation\/townships\/:orgId/, { orgId: ids.delegationTownshipId! }],
  ],
  samples: (ids, w) => ({
    'POST /api/enforcement/delegation/rounds': {
      title: '矩阵调整',
      decisionDocNumber: '矩政〔2025〕1号',
      decisionDate: '2025-01-02',
      effectiveOn: '2025-02-01',
      add: [
        {
          townshipOrgId: ids.delegationTownshipId,
          sourceOrgId: w.dept.A.id,
          name: '矩阵新增事项',
          legalBasis: '行政处罚法 第二十四条',
        },
      ],
    },
    'POST /api/enforcement/delegation/powers/:id/withdraw': {
      version: 99,
      withdrawnOn: '2099-01-01',
      decisionDocNumber: '矩政〔2025〕2号',
    },
    'PUT /api/enforcement/delegation/townships/:orgId/capacity': {
      staff: 1,
      certifiedManual: null,
      version: 99,
    },
  }),
};
