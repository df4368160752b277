import { completeUscc } from '@fazhi/contracts';
import {
  enforcementEnterprises,
  enforcementInspectionBodies,
  enforcementInspectionItems,
  enforcementInspectionPlans,
  enforcementInspectionSubjects,
  enforcementInspections,
  enforcementRandomDraws,
} from '../../../../src/modules/enforcement/inspections/inspections.tables';
import { makeOfficer, markBody } from '../../../enforcement/inspections.fixtures';
import type { ModuleFixture } from '../types';

/**
 * 涉企行政检查 targets in region A, all of dept A (made an enforcement body): a published item, a submitted plan,
 * an enterprise, a published draw and one inspection with two certificated officers. Write samples use stale
 * versions (409 in scope) or create new records (items, plans, draws, enterprises, inspections) that no other
 * target depends on.
 */
export const inspectionsFixture: ModuleFixture = {
  setup: async (env, w) => {
    const db = env.database.db;
    const dept = w.dept.A;
    await markBody(env, dept.id);
    const [item] = await db
      .insert(enforcementInspectionItems)
      .values({
        orgId: dept.id,
        regionPath: dept.regionPath,
        code: 'MATRIX-1',
        name: '访问矩阵检查事项',
        legalBasis: '《中华人民共和国食品安全法》第一百一十条',
        object: '食品经营者',
        method: 'onsite',
        category: 'routine',
        frequency: '每年1次',
        published: true,
        publishedOn: '2026-01-05',
        listVersion: 1,
      })
      .returning();
    const [plan] = await db
      .insert(enforcementInspectionPlans)
      .values({
        orgId: dept.id,
        regionPath: dept.regionPath,
        year: 2026,
        kind: 'annual',
        title: '访问矩阵检查计划',
        itemIds: [item!.id],
        status: 'submitted',
        submittedOn: '2026-01-10',
      })
      .returning();
    const uscc = completeUscc(`91${w.regions.A.code}00000001`);
    const [enterprise] = await db
      .insert(enforcementEnterprises)
      .values({
        uscc,
        name: '访问矩阵企业',
        regionCode: w.regions.A.code,
        regionPath: w.regions.A.path,
        industry: '矩阵',
      })
      .returning();
    const [draw] = await db
      .insert(enforcementRandomDraws)
      .values({
        orgId: dept.id,
        regionPath: dept.regionPath,
        title: '访问矩阵抽取',
        seed: 'matrix',
        algorithm: 'sha256-ctr48/partial-fisher-yates/labelled/v1',
        enterprisePool: [uscc],
        enterprisePoolHash: 'x',
        enterpriseCount: 1,
        enterpriseResult: [uscc],
        inspectorPool: [],
        inspectorResult: [],
        publishedOn: '2026-01-15',
      })
      .returning();
    const officerA = await makeOfficer(env, dept, { name: '矩阵执法甲' });
    const officerB = await makeOfficer(env, dept, { name: '矩阵执法乙' });
    const [inspection] = await db
      .insert(enforcementInspections)
      .values({
        orgId: dept.id,
        regionPath: dept.regionPath,
        itemId: item!.id,
        inspectedOn: '2026-02-02',
        year: 2026,
        officers: [],
        result: 'no_problem',
      })
      .returning();
    await db
      .insert(enforcementInspectionBodies)
      .values({ inspectionId: inspection!.id, orgId: dept.id, itemId: item!.id });
    await db
      .insert(enforcementInspectionSubjects)
      .values({ inspectionId: inspection!.id, enterpriseId: enterprise!.id, orgId: dept.id, year: 2026 });
    return {
      inspectionItemId: item!.id,
      inspectionPlanId: plan!.id,
      inspectionEnterpriseId: enterprise!.id,
      inspectionDrawId: draw!.id,
      inspectionId: inspection!.id,
      inspectionOfficerA: officerA,
      inspectionOfficerB: officerB,
    };
  },
  paths: (ids) => [
    [/^\/api\/enforcement\/enterprises\/:id/, { id: ids.inspectionEnterpriseId! }],
    [/^\/api\/enforcement\/inspection-items\/:id/, { id: ids.inspectionItemId! }],
    [/^\/api\/enforcement\/inspection-plans\/:id/, { id: ids.inspectionPlanId! }],
    [/^\/api\/enforcement\/draws\/:id/, { id: ids.inspectionDrawId! }],
    [/^\/api\/enforcement\/inspections\/:id/, { id: ids.inspectionId! }],
    [/^\/api\/public\/random-draws\/:id/, { id: ids.inspectionDrawId! }],
  ],
  samples: (ids, w, n) => ({
    'POST /api/enforcement/enterprises': {
      uscc: completeUscc(`91${w.regions.A.code}${String(n).padStart(8, '0')}`),
      name: `矩阵企业${n}`,
    },
    'PUT /api/enforcement/enterprises/:id': { name: '矩阵企业', version: 999 },
    'POST /api/enforcement/inspection-items': {
      code: `M${n}`,
      name: `矩阵事项${n}`,
      legalBasis: '《中华人民共和国安全生产法》第六十五条',
      object: '生产经营单位',
      method: 'onsite',
      category: 'routine',
      frequency: '每年1次',
    },
    'PUT /api/enforcement/inspection-items/:id': {
      code: 'MATRIX-1',
      name: '访问矩阵检查事项',
      legalBasis: '《中华人民共和国食品安全法》第一百一十条',
      object: '食品经营者',
      method: 'onsite',
      category: 'routine',
      frequency: '每年1次',
      version: 999,
    },
    'POST /api/enforcement/inspection-items/:id/publish': { version: 999 },
    'POST /api/enforcement/inspection-items/:id/withdraw': { version: 999 },
    'POST /api/enforcement/inspection-plans': {
      year: 2026,
      kind: 'special',
      title: `矩阵专项计划${n}`,
      itemIds: [ids.inspectionItemId],
    },
    'POST /api/enforcement/inspection-plans/:id/submit': { version: 999 },
    'POST /api/enforcement/inspection-plans/:id/accept': { version: 999 },
    'POST /api/enforcement/inspection-plans/:id/return': { version: 999, note: '矩阵退回' },
    'POST /api/enforcement/draws': {
      title: `矩阵抽取${n}`,
      criteria: { industry: '矩阵' },
      enterpriseCount: 1,
      inspectorCount: 0,
      seed: `matrix-${n}`,
    },
    'POST /api/enforcement/draws/:id/verify': {},
    'POST /api/enforcement/draws/:id/publish': { version: 999 },
    'POST /api/enforcement/inspections': {
      itemId: ids.inspectionItemId,
      inspectedOn: '2026-03-10',
      enterpriseIds: [ids.inspectionEnterpriseId],
      officerIds: [ids.inspectionOfficerA, ids.inspectionOfficerB],
      result: 'no_problem',
    },
    'PUT /api/enforcement/inspection-settings': {
      regionCode: w.regions.A.code,
      yearlyCap: 2,
      planRequired: false,
      version: 999,
    },
  }),
  unscoped: {
    'GET /api/public/random-draws/:id': 'published 双随机 results are public for anyone to re-draw (一公开)',
  },
};
