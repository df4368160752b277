import { eq } from 'drizzle-orm';
import {
  enforcementBodies,
  enforcementBodyHistory,
} from '../../../../src/modules/enforcement/bodies/bodies.tables';
import { organisations } from '../../../../src/platform/db/schema';
import type { ModuleFixture } from '../types';

/**
 * 执法主体: dept A registered, confirmed and announced as an enforcement body (`enforcementBodyId`). Write
 * samples use a stale version (409 in scope) or register dept A again (409 BODY_EXISTS in scope).
 */
export const bodiesFixture: ModuleFixture = {
  setup: async (env, w) => {
    const db = env.database.db;
    const dept = w.dept.A;
    await db.update(organisations).set({ isLawEnforcementBody: true }).where(eq(organisations.id, dept.id));
    const [body] = await db
      .insert(enforcementBodies)
      .values({
        orgId: dept.id,
        regionPath: dept.regionPath,
        kind: 'administrative_organ',
        fields: ['市场监管'],
        powers: [{ code: 'M-1', name: '访问矩阵处罚事项', category: 'penalty', legalBasis: '' }],
        status: 'announced',
        confirmedBy: '访问矩阵人民政府',
        confirmationDoc: '矩阵政〔2026〕1号',
        confirmedOn: '2026-01-05',
        announcedOn: '2026-01-10',
        announcementDoc: '矩阵政公告〔2026〕1号',
      })
      .returning();
    if (!body) throw new Error('body');
    await db.insert(enforcementBodyHistory).values({
      bodyId: body.id,
      action: 'announce',
      on: '2026-01-10',
      status: 'announced',
      snapshot: { kind: body.kind, fields: body.fields, powers: body.powers, entrustedMatters: [] },
    });
    return { enforcementBodyId: body.id };
  },
  paths: (ids) => [
    [
      /^\/api\/enforcement\/bodies\/:id\/actions\/:action/,
      { id: ids.enforcementBodyId as string, action: 'cancel' },
    ],
    [/^\/api\/enforcement\/bodies\/:id/, { id: ids.enforcementBodyId as string }],
  ],
  samples: (_ids, w) => ({
    'POST /api/enforcement/bodies': {
      orgId: w.dept.A.id,
      kind: 'administrative_organ',
      fields: ['市场监管'],
    },
    'PATCH /api/enforcement/bodies/:id': { version: 999, fields: ['市场监管'] },
    'POST /api/enforcement/bodies/:id/actions/:action': {
      version: 999,
      on: '2026-02-01',
      reason: '访问矩阵',
    },
  }),
};
