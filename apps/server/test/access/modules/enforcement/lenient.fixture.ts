import { lenientItems, lenientLists } from '../../../../src/modules/enforcement/lenient/lenient.tables';
import type { ModuleFixture } from '../types';

/**
 * The target: region A's department keeps a current 不予处罚事项清单 with one item. Write samples never change it:
 * the revision carries a stale version, cases are added (not changed), the import upload is empty.
 */
export const lenientFixture: ModuleFixture = {
  setup: async (env, w) => {
    const db = env.database.db;
    const [list] = await db
      .insert(lenientLists)
      .values({
        orgId: w.dept.A.id,
        regionPath: w.regions.A.path,
        kind: 'no_penalty',
        title: '矩阵不予处罚事项清单',
        effectiveFrom: '2024-01-01',
      })
      .returning();
    if (!list) throw new Error('lenient fixture: no list');
    const [item] = await db
      .insert(lenientItems)
      .values({
        listId: list.id,
        seq: 1,
        conduct: '矩阵违法行为',
        circumstances: '首次违法且及时改正',
        legalBasis: '行政处罚法 第三十三条',
      })
      .returning();
    return { lenientListId: list.id, lenientItemId: item!.id };
  },
  paths: (ids) => [[/^\/api\/enforcement\/lenient\/lists\/:id/, { id: ids.lenientListId! }]],
  samples: (ids, _w, n) => ({
    'POST /api/enforcement/lenient/lists': {
      kind: 'no_coercion',
      title: `矩阵免予强制清单${n}`,
      effectiveFrom: '2025-01-01',
      items: [{ conduct: '行为', circumstances: '情形', legalBasis: '依据' }],
    },
    'POST /api/enforcement/lenient/lists/:id/versions': {
      version: 99,
      title: '矩阵修订',
      effectiveFrom: '2099-01-01',
      items: [{ conduct: '行为', circumstances: '情形', legalBasis: '依据' }],
    },
    'POST /api/enforcement/lenient/lists/:id/cases': {
      itemId: ids.lenientItemId,
      caseNo: `矩阵案件${n}`,
      handledOn: '2025-03-03',
      partyKind: 'person',
      partyName: '张三',
      amountYuan: 0,
      education: '已教育',
    },
    'POST /api/enforcement/lenient/lists/:id/cases/import': new FormData(),
  }),
};
