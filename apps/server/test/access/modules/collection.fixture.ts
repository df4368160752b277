import {
  collectionTargets,
  collectionTasks,
  collectionValues,
} from '../../../src/modules/collection/collection.tables';
import { indicators } from '../../../src/modules/indicators/indicators.tables';
import { storeFile } from '../../../src/platform/files/stored-files';
import type { ModuleFixture } from './types';

const CODE = 'matrix_collection_count';

/**
 * The target records: an open 填报任务 of region A's justice bureau, its target at region A's department with
 * one evidence file. Write samples carry a stale version (409) or an empty upload (400), so the matrix never
 * changes the target.
 */
export const collectionFixture: ModuleFixture = {
  setup: async (env, w) => {
    const db = env.database.db;
    await db
      .insert(indicators)
      .values({ code: CODE, name: '矩阵填报指标', unit: '件', kind: 'collected', rollup: 'sum' })
      .onConflictDoNothing();
    const [task] = await db
      .insert(collectionTasks)
      .values({
        orgId: w.bureau.A.id,
        regionPath: w.regions.A.path,
        title: '访问矩阵填报任务',
        period: '2025',
        indicatorCodes: [CODE],
        sectionCodes: ['g1'],
        dueDate: '2099-03-01',
        status: 'open',
      })
      .returning();
    const [target] = await db
      .insert(collectionTargets)
      .values({ taskId: task!.id, orgId: w.dept.A.id, regionPath: w.dept.A.regionPath, status: 'pending' })
      .returning();
    const file = await storeFile(db, {
      fileName: '佐证.pdf',
      content: Buffer.from('%PDF-1.4 matrix evidence'),
      mimeType: 'application/pdf',
      uploadedBy: null,
    });
    await db
      .insert(collectionValues)
      .values({ targetId: target!.id, indicatorCode: CODE, value: '3', evidenceFileIds: [file.id] });
    return { collectionTaskId: task!.id, collectionTargetId: target!.id, collectionFileId: file.id };
  },
  paths: (ids) => [
    [
      /^\/api\/collection\/tasks\/:id/,
      { id: ids.collectionTaskId!, targetId: ids.collectionTargetId!, fileId: ids.collectionFileId! },
    ],
    [/^\/api\/collection\/targets\/:id/, { id: ids.collectionTargetId!, fileId: ids.collectionFileId! }],
  ],
  samples: (_ids, w, n) => ({
    'POST /api/collection/tasks': {
      title: `矩阵任务${n}`,
      period: '2025',
      indicatorCodes: [CODE],
      dueDate: '2099-03-01',
      targetMode: 'list',
      orgIds: [w.dept.A.id],
    },
    'POST /api/collection/tasks/:id/open': { version: 99 },
    'POST /api/collection/tasks/:id/close': { version: 99 },
    'POST /api/collection/tasks/:id/targets/:targetId/accept': { version: 99 },
    'POST /api/collection/tasks/:id/targets/:targetId/return': { version: 99, reason: '矩阵退回' },
    'PUT /api/collection/targets/:id': { version: 99, values: [] },
    'POST /api/collection/targets/:id/submit': { version: 99 },
    'POST /api/collection/targets/:id/signoff': { version: 99 },
    'POST /api/collection/targets/:id/evidence': new FormData(),
    'DELETE /api/collection/targets/:id/evidence/:fileId': {},
    'POST /api/collection/targets/:id/workbook': new FormData(),
  }),
};
